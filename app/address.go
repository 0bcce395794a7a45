package app

import (
	"net/url"
	"strings"
)

// readableAddress is href as Go's url.Parse reads it. go-app reads the
// page's address with url.Parse and drops the error, so an address that a
// browser opens but Go cannot read (a stray "%" in the fragment or the
// path: /welcome#v=1%, /check#%zz) would stop the app before it mounts.
// Every "%" that starts no escape becomes "%25"; whatever else is left
// unreadable gives ok false. A readable href comes back as it is.
func readableAddress(href string) (string, bool) {
	if _, err := url.Parse(href); err == nil {
		return href, true
	}
	var b strings.Builder
	for i := 0; i < len(href); i++ {
		b.WriteByte(href[i])
		if href[i] == '%' && !(i+2 < len(href) && isHex(href[i+1]) && isHex(href[i+2])) {
			b.WriteString("25")
		}
	}
	fixed := b.String()
	if _, err := url.Parse(fixed); err != nil {
		return "", false
	}
	return fixed, true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
