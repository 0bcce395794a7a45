package app

import "errors"

// kv is the browser's localStorage as the app keeps things there: the
// saved check, the diary and the clinic's card all go through it. The
// browser one (storage_wasm.go) turns every JavaScript exception, storage
// blocked or full, into an error; the server and the tests use a map.
type kv interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Del(key string) error
	Keys() ([]string, error)
}

// errNotSaved means the change is made, in memory, but the device would
// not keep it (storage full or blocked); other errors mean nothing changed.
var errNotSaved = errors.New("not saved on this device")

// memoryKV keeps storage in memory: on the server, and where the browser
// offers none.
type memoryKV map[string]string

func (m memoryKV) Get(k string) (string, bool, error) { v, ok := m[k]; return v, ok, nil }
func (m memoryKV) Set(k, v string) error              { m[k] = v; return nil }
func (m memoryKV) Del(k string) error                 { delete(m, k); return nil }
func (m memoryKV) Keys() ([]string, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	return keys, nil
}
