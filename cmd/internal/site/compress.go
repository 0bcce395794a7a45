package site

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/andybalholm/brotli"
)

// brotliExt is the suffix of a precompressed file beside its original.
const brotliExt = ".br"

// compressedKinds are the files worth compressing, by extension: the text
// and WebAssembly the app serves. A fixed list, not the host's MIME
// database, which may call any file text (a .go file, say) and so put it,
// compressed, into what the server embeds.
var compressedKinds = []string{".js", ".css", ".html", ".json", ".wasm", ".svg", ".webmanifest", ".txt", ".xml"}

// compressibleFile reports whether a file of this name is compressed.
func compressibleFile(name string) bool {
	return slices.Contains(compressedKinds, path.Ext(name))
}

// CompressDir writes NAME.br beside every compressible file of dir, at
// brotli's best (slow) quality, skipping files whose .br is already right.
func CompressDir(dir string, out io.Writer) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressibleFile(p) {
			return err
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if old, err := os.ReadFile(p + brotliExt); err == nil && unbrotliEquals(old, body) {
			return nil
		}
		br := brotliBytes(body)
		if len(br) >= len(body) {
			os.Remove(p + brotliExt)
			return nil
		}
		if err := os.WriteFile(p+brotliExt, br, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s: %d → %d bytes\n", p+brotliExt, len(body), len(br))
		return nil
	})
}

func brotliBytes(body []byte) []byte {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, brotli.BestCompression)
	w.Write(body)
	w.Close()
	return b.Bytes()
}

// unbrotliEquals reports whether br decompresses to exactly body.
func unbrotliEquals(br, body []byte) bool {
	got, err := io.ReadAll(io.LimitReader(brotli.NewReader(bytes.NewReader(br)), int64(len(body))+1))
	return err == nil && bytes.Equal(got, body)
}
