//go:build wasm

package app

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// browserKV is window.localStorage. Every call turns a JavaScript exception
// (storage blocked, quota exceeded) into an error instead of a panic.
type browserKV struct{}

func deviceStorage() kv { return browserKV{} }

// storageProblem says why the browser's storage is not usable, as found by
// web/storage-guard.js before the app started ("" when it is fine).
func storageProblem() string {
	if v := app.Window().Get("aftercare_localStorage_problem"); v.Truthy() {
		return v.String()
	}
	return ""
}

// storageFull reports whether the browser's storage was full when the app
// started (it can still be read).
func storageFull() bool { return app.Window().Get("aftercare_localStorage_full").Truthy() }

// jsCall runs f, turning a JavaScript exception (storage blocked, quota
// exceeded) into an error.
func jsCall(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("browser storage: %v", r)
		}
	}()
	f()
	return nil
}

func (browserKV) ls() app.Value { return app.Window().Get("localStorage") }

func (b browserKV) Get(k string) (v string, ok bool, err error) {
	err = jsCall(func() {
		val := b.ls().Call("getItem", k)
		if ok = !val.IsNull() && !val.IsUndefined(); ok {
			v = val.String()
		}
	})
	return v, ok, err
}

func (b browserKV) Set(k, v string) error {
	return jsCall(func() { b.ls().Call("setItem", k, v) })
}

func (b browserKV) Del(k string) error {
	return jsCall(func() { b.ls().Call("removeItem", k) })
}

func (b browserKV) Keys() (keys []string, err error) {
	err = jsCall(func() {
		ls := b.ls()
		n := ls.Get("length").Int()
		for i := 0; i < n; i++ {
			keys = append(keys, ls.Call("key", i).String())
		}
	})
	return keys, err
}

// download hands the browser a file to save, made on the device.
func download(name, mime string, data []byte) {
	arr := app.Window().Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	blob := app.Window().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := app.Window().Get("URL").Call("createObjectURL", blob)
	a := app.Window().Get("document").Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	app.Window().Get("document").Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	app.Window().Get("URL").Call("revokeObjectURL", url)
}

// readFile reads the file picked in an <input type=file> and hands its
// bytes (or an error) to done.
func readFile(l lang, input app.Value, done func([]byte, error)) {
	files := input.Get("files")
	if !files.Truthy() || files.Get("length").Int() == 0 {
		done(nil, l.problemAt("", "no_file_chosen"))
		return
	}
	var ok, failed app.Func
	release := func() { ok.Release(); failed.Release() }
	ok = app.FuncOf(func(_ app.Value, args []app.Value) any {
		release()
		done([]byte(args[0].String()), nil)
		return nil
	})
	failed = app.FuncOf(func(_ app.Value, args []app.Value) any {
		release()
		done(nil, l.problemAt("", "file_unreadable"))
		return nil
	})
	files.Index(0).Call("text").Call("then", ok, failed)
}

// localToday is the date on the person's device, as YYYY-MM-DD.
func localToday() string {
	d := app.Window().Get("Date").New()
	return fmt.Sprintf("%04d-%02d-%02d", d.Call("getFullYear").Int(), d.Call("getMonth").Int()+1, d.Call("getDate").Int())
}
