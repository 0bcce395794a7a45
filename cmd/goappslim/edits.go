//go:build !wasm

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// slimRouter takes regexp out of go-app's router. The app registers exact
// paths and, for "page not found", patterns of the form "^/prefix" (see
// app.Register); in the copy a pattern is such a literal prefix and is
// matched with strings.HasPrefix, which is what the regexp would match, so
// the regexp package and its parser and tables stay out of app.wasm. Any
// other pattern stops the app at registration with a message saying so.
func slimRouter(dir string) error {
	return editFile(filepath.Join(dir, "route.go"), []edit{
		{"import (\n\t\"regexp\"\n\t\"sync\"\n)\n", "import (\n\t\"strconv\"\n\t\"strings\"\n\t\"sync\"\n)\n", 1},
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
`)
}

// slimCrypto takes AES and uuid out of go-app's Context. The app keeps no
// encrypted state (State.PersistWithEncryption, Context.Encrypt and
// Decrypt): in the copy they fail with an error saying why. DeviceID and
// the state broadcast's id are still random version 4 UUIDs, from
// math/rand/v2, which the runtime seeds from crypto.getRandomValues in the
// browser.
func slimCrypto(dir string) error {
	if err := editFile(filepath.Join(dir, "crypto.go"), []edit{
		{cryptoImports, "import (\n\t\"math/rand/v2\"\n\n\t\"github.com/maxence-charriere/go-app/v10/pkg/errors\"\n)\n", 1},
		{cryptoEncrypt, "func encrypt(key string, v []byte) ([]byte, error) {\n\treturn nil, errNoEncryption\n}\n", 1},
		{cryptoDecrypt, "func decrypt(key string, v []byte) ([]byte, error) {\n\treturn nil, errNoEncryption\n}\n", 1},
	}, `
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
`); err != nil {
		return err
	}
	if err := editFile(filepath.Join(dir, "context.go"), []edit{
		{"\t\"github.com/google/uuid\"\n", "", 1},
		{"id = uuid.NewString()", "id = newUUID()", 1},
	}, ""); err != nil {
		return err
	}
	return editFile(filepath.Join(dir, "state.go"), []edit{
		{"\t\"github.com/google/uuid\"\n", "", 1},
		{"m.broadcastStoreID = uuid.NewString()", "m.broadcastStoreID = newUUID()", 1},
	}, "")
}

const cryptoImports = `import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"io"

	"github.com/maxence-charriere/go-app/v10/pkg/errors"
)
`

const cryptoEncrypt = `func encrypt(key string, v []byte) ([]byte, error) {
	c, err := aes.NewCipher([]byte(key))
	if err != nil {
		return nil, err
	}

	gcm, err := cipher.NewGCM(c)
	if err != nil {
		return nil, err
	}

	nonce := make([]byte, gcm.NonceSize())
	if _, err = io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}

	return gcm.Seal(nonce, nonce, v, nil), nil
}
`

const cryptoDecrypt = `func decrypt(key string, v []byte) ([]byte, error) {
	c, err := aes.NewCipher([]byte(key))
	if err != nil {
		return nil, err
	}

	gcm, err := cipher.NewGCM(c)
	if err != nil {
		return nil, err
	}

	nonceSize := gcm.NonceSize()
	if len(v) < nonceSize {
		return nil, errors.New("ciphertext too short")
	}

	nonce, ciphertext := v[:nonceSize], v[nonceSize:]
	return gcm.Open(nil, nonce, ciphertext, nil)
}
`

// edit replaces old, which must occur exactly n times, with new.
type edit struct {
	old, new string
	n        int
}

// editFile makes the edits to a file and appends add; it fails, naming the file, if any old text is not
// there as many times as expected, so a new go-app version stops the build
// instead of changing it silently.
func editFile(path string, edits []edit, add string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	text := string(b)
	for _, e := range edits {
		if got := strings.Count(text, e.old); got != e.n {
			return fmt.Errorf("%s: found %d times, want %d: %q (check the edits of cmd/goappslim against this version)", filepath.Base(path), got, e.n, firstLine(e.old))
		}
		text = strings.ReplaceAll(text, e.old, e.new)
	}
	return os.WriteFile(path, []byte(text+add), 0o644)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
