//go:build !wasm

package main

import (
	"path/filepath"
)

// slimRouter takes regexp out of go-app's router. The app registers exact
// paths and, for "page not found", patterns of the form "^/prefix" (see
// app.Register); in the copy a pattern is such a literal prefix and is
// matched with strings.HasPrefix, which is what the regexp would match, so
// the regexp package and its parser and tables stay out of app.wasm. Any
// other pattern stops the app at registration with a message saying so.
func slimRouter(dir string) error {
	return editFile(filepath.Join(dir, "route.go"), []edit{
		{"regexp:       regexp.MustCompile(pattern),", "prefix:       literalPrefix(pattern),", 1},
		{"if rwr.regexp.MatchString(path) {", "if strings.HasPrefix(path, rwr.prefix) {", 2},
		{"regexp       *regexp.Regexp", "prefix       string", 1},
	}, `
// literalPrefix returns the text after the ^ of a pattern that is a literal
// prefix, such as "^/es/". Written by cmd/goappslim: this build has no
// regexp, so any other pattern is refused.
func literalPrefix(pattern string) string {
	rest, ok := strings.CutPrefix(pattern, "^")
	if !ok || strings.ContainsAny(rest, "\\.+*?()|[]{}^$") {
		panic("app.RouteWithRegexp(" + strconv.Quote(pattern) + "): this build of go-app (cmd/goappslim) takes only a literal prefix such as \"^/es/\"")
	}
	return rest
}
`, "strconv", "strings")
}

// slimCrypto takes AES and uuid out of go-app's Context. The app keeps no
// encrypted state (State.PersistWithEncryption, Context.Encrypt and
// Decrypt): in the copy they fail with an error saying why. DeviceID and
// the state broadcast's id are still random version 4 UUIDs, from
// math/rand/v2, which the runtime seeds from crypto.getRandomValues in the
// browser.
func slimCrypto(dir string) error {
	crypto := filepath.Join(dir, "crypto.go")
	const fail = "{\n\treturn nil, errNoEncryption\n}"
	if err := replaceBodies(crypto, map[string]string{"encrypt": fail, "decrypt": fail}); err != nil {
		return err
	}
	if err := editFile(crypto, nil, `
// Written by cmd/goappslim: this build of go-app has no AES.
var errNoEncryption = errors.New("encryption is left out of this build of go-app (cmd/goappslim)")

// newUUID returns a random version 4 UUID, as uuid.NewString does.
func newUUID() string {
	const hex = "0123456789abcdef"
	var b [16]byte
	for i := range b {
		b[i] = byte(rand.Uint32())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	s := make([]byte, 0, 36)
	for i, c := range b {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			s = append(s, '-')
		}
		s = append(s, hex[c>>4], hex[c&0x0f])
	}
	return string(s)
}
`, "math/rand/v2", module+"/pkg/errors"); err != nil {
		return err
	}
	if err := editFile(filepath.Join(dir, "context.go"), []edit{
		{"id = uuid.NewString()", "id = newUUID()", 1},
	}, ""); err != nil {
		return err
	}
	return editFile(filepath.Join(dir, "state.go"), []edit{
		{"m.broadcastStoreID = uuid.NewString()", "m.broadcastStoreID = newUUID()", 1},
	}, "")
}
