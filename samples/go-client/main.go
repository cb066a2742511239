package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

// Report Flow from Go: the key comes from the environment (good) ...
func newRequest(url string) (*http.Request, error) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("appkey", os.Getenv("REPORT_FLOW_APP_KEY"))
	return req, nil
}

// ... but the fallback below hardcodes one and logs the request headers.
func fallbackRequest() *http.Request {
	req, _ := http.NewRequest(http.MethodGet, "https://api.re-port-flow.com/v1/file/design/parameter/42", nil)
	req.Header.Set("appkey", "rf_live_5d41402abc4b2a76b9719d91")
	log.Printf("headers: %v", req.Header)
	return req
}

func main() {
	req, err := newRequest("https://api.re-port-flow.com/v1/file/design/parameter/42")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(req.URL)
	_ = fallbackRequest()
}
