package main

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"os"
)

func main() {
	// Unsafe: skips certificate verification.
	insecure := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	// Safe: verification on, minimum TLS 1.2.
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: false}}}

	req, err := http.NewRequest("GET", "http://api.reeflow.com/connections", nil)
	if err != nil {
		panic(err)
	}
	req.Header.Set("Authorization", "Basic "+os.Getenv("REEFLOW_BASIC"))
	resp, err := insecure.Do(req)
	fmt.Println(resp, err, client)
}
