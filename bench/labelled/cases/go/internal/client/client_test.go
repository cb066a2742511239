package client

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

const testToken = "test-token"

func TestFetchProfileSendsBearer(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Authorization")
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()

	t.Setenv("PROFILE_TOKEN", testToken)
	if _, err := FetchProfile(srv.Client(), srv.URL+"/me"); err != nil {
		t.Fatal(err)
	}
	if got != "Bearer "+testToken {
		t.Fatalf("Authorization = %q", got)
	}
	t.Logf("server at %s answered", srv.URL)
}
