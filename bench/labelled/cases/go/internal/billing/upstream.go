package billing

import (
	"net/http"
	"os"
)

const billingURL = "http://billing.corp-services.net/api/v1/invoices"

func ListInvoices() (*http.Response, error) {
	req, err := http.NewRequest(http.MethodGet, billingURL, nil)
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(os.Getenv("BILLING_USER"), os.Getenv("BILLING_PASSWORD"))
	req.Header.Set("Accept", "application/json")
	return http.DefaultClient.Do(req)
}
