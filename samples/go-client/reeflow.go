package main

import (
	"net/http"
	"os"
)

// listConnections authenticates with Basic (good) but a debugging change added the API key
// header too, so Reeflow answers "400 Multiple credentials provided".
func listConnections() (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, "https://api.reeflow.com/v1/connections", nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(os.Getenv("REEFLOW_KEY_ID"), os.Getenv("REEFLOW_KEY_SECRET"))
	req.Header.Set("X-API-Key", os.Getenv("REEFLOW_API_KEY"))
	return http.DefaultClient.Do(req)
}

// rotateKey sends the key header twice: the new key and, "just in case", the old one.
func rotateKey() (*http.Response, error) {
	req, err := http.NewRequest(http.MethodPost, "https://api.reeflow.com/v1/keys/rotate", nil)
	if err != nil {
		return nil, err
	}
	req.Header.Add("X-API-Key", os.Getenv("REEFLOW_API_KEY"))
	req.Header.Add("X-API-Key", os.Getenv("REEFLOW_OLD_API_KEY"))
	return http.DefaultClient.Do(req)
}

// chooseAuth picks one method per request: not reported.
func chooseAuth(req *http.Request, useKey bool) {
	if useKey {
		req.Header.Set("X-API-Key", os.Getenv("REEFLOW_API_KEY"))
	} else {
		req.SetBasicAuth(os.Getenv("REEFLOW_KEY_ID"), os.Getenv("REEFLOW_KEY_SECRET"))
	}
}
