package main

import (
	"bytes"
	"log"
	"net/http"
)

const mailgunKey = "key-deb9e68166031b221fb6e097e9007174"

func main() {
	body := bytes.NewBufferString("from=noreply@example.com&to=ops@example.com&subject=ping")
	req, err := http.NewRequest("POST", "https://api.mailgun.net/v3/mg.example.com/messages", body)
	if err != nil {
		log.Fatal(err)
	}
	req.SetBasicAuth("api", mailgunKey)
	log.Printf("sending with key %s", mailgunKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("mailgun status %d", resp.StatusCode)
}
