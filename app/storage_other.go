//go:build !wasm

package app

import (
	"time"
)

// On the server, which only prerenders, there is no device storage: the
// diary page renders its empty state.
func deviceStorage() kv { return memoryKV{} }

func storageProblem() string { return "" }

func storageFull() bool { return false }

func download(name, mime string, data []byte) {}

func readFile(l lang, input any, done func([]byte, error)) {
	done(nil, l.problemAt("", "file_unreadable"))
}

func localToday() string { return time.Now().Format(dateLayout) }
