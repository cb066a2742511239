package legacy

import (
	"encoding/base64"
	"net/http"
	"os"
)

func NewRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	creds := base64.StdEncoding.EncodeToString([]byte(os.Getenv("LEGACY_USER") + ":" + os.Getenv("LEGACY_PASS")))
	req.Header.Add("Authorization", "Bearer "+os.Getenv("LEGACY_TOKEN"))
	req.Header.Add("Authorization", "Basic "+creds)
	req.Header.Set("Accept", "application/json")
	return req, nil
}
