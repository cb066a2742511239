package main

import (
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
)

func handle(w http.ResponseWriter, r *http.Request) {
	slog.Info("request", "auth", r.Header.Get("Authorization"))
	dump, err := httputil.DumpRequest(r, false)
	if err == nil {
		log.Printf("request dump: %s", dump)
	}
	log.Printf("status for %s", r.URL.Path)
}
