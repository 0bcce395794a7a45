package app

import (
	"net/url"
	"testing"
)

// TestReadableAddress: an address with a stray "%" (the attack's
// /welcome#v=1%, /welcome#%, /check#%zz) becomes one url.Parse reads,
// with its damage kept as "%25"; a readable one is left as it is.
func TestReadableAddress(t *testing.T) {
	for href, want := range map[string]string{
		"http://h/welcome#v=1%":         "http://h/welcome#v=1%25",
		"http://h/welcome#%":            "http://h/welcome#%25",
		"http://h/check#%zz":            "http://h/check#%25zz",
		"http://h/check%zz?x=%#%4":      "http://h/check%25zz?x=%25#%254",
		"http://h/welcome#v=1&n=a%20b":  "http://h/welcome#v=1&n=a%20b",
		"http://h/es/check?start=1#s-1": "http://h/es/check?start=1#s-1",
	} {
		got, ok := readableAddress(href)
		if !ok || got != want {
			t.Errorf("readableAddress(%q) = %q, %v; want %q", href, got, ok, want)
			continue
		}
		if _, err := url.Parse(got); err != nil {
			t.Errorf("%q: still unreadable: %v", got, err)
		}
	}
}
