package site

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// wasmFunc is one function a WebAssembly module defines: its name from the
// "name" custom section and the bytes of its body in the code section.
type wasmFunc struct {
	Name string
	Size int
}

// wasmFuncNames reads the function names from a WebAssembly module's
// "name" custom section.
func wasmFuncNames(b []byte) ([]string, error) {
	funcs, err := wasmFuncs(b)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(funcs))
	for i, f := range funcs {
		names[i] = f.Name
	}
	return names, nil
}

// wasmFuncs reads a WebAssembly module's functions: the imported ones
// (size 0) and then the defined ones, in index order, each with its name
// (subsection 1 of the "name" section) and the size of its body (the code
// section). A module without a name section (built with -ldflags=-s) is
// an error.
func wasmFuncs(b []byte) ([]wasmFunc, error) {
	if len(b) < 8 || string(b[:4]) != "\x00asm" {
		return nil, errors.New("not a wasm module")
	}
	var imports int
	var sizes []int
	var names map[uint64]string
	r := bytes.NewReader(b[8:])
	for r.Len() > 0 {
		id, sec, err := wasmSection(r)
		if err != nil {
			return nil, err
		}
		switch id {
		case 2:
			imports, err = wasmFuncImports(sec)
		case 10:
			sizes, err = wasmBodySizes(sec)
		case 0:
			if n, e := wasmNames(sec); e != nil || n != nil {
				names, err = n, e
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if names == nil {
		return nil, errors.New("no name section")
	}
	funcs := make([]wasmFunc, imports+len(sizes))
	for i := range funcs {
		funcs[i].Name = names[uint64(i)]
		if i >= imports {
			funcs[i].Size = sizes[i-imports]
		}
	}
	return funcs, nil
}

// wasmSection reads one section: its id and its contents.
func wasmSection(r *bytes.Reader) (byte, *bytes.Reader, error) {
	id, err := r.ReadByte()
	if err != nil {
		return 0, nil, err
	}
	sec, err := wasmBytes(r)
	return id, bytes.NewReader(sec), err
}

// wasmBytes reads a length-prefixed run of bytes (a vector or a name).
func wasmBytes(r *bytes.Reader) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > uint64(r.Len()) {
		return nil, fmt.Errorf("a length of %d runs past the end", n)
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r, b)
	return b, err
}

// wasmFuncImports counts the functions among the imports: they come
// first in the function index space.
func wasmFuncImports(r *bytes.Reader) (int, error) {
	count, err := binary.ReadUvarint(r)
	if err != nil {
		return 0, err
	}
	funcs := 0
	for range count {
		if _, err := wasmBytes(r); err != nil { // module
			return 0, err
		}
		if _, err := wasmBytes(r); err != nil { // field
			return 0, err
		}
		kind, err := r.ReadByte()
		if err != nil {
			return 0, err
		}
		if kind != 0 {
			return 0, fmt.Errorf("import of kind %d: only functions are read", kind)
		}
		if _, err := binary.ReadUvarint(r); err != nil { // type index
			return 0, err
		}
		funcs++
	}
	return funcs, nil
}

// wasmBodySizes reads the size of each function body in the code section.
func wasmBodySizes(r *bytes.Reader) ([]int, error) {
	count, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	sizes := make([]int, 0, count)
	for range count {
		body, err := wasmBytes(r)
		if err != nil {
			return nil, err
		}
		sizes = append(sizes, len(body))
	}
	return sizes, nil
}

// wasmNames reads the function names (subsection 1) of a custom section
// if it is the "name" section, and nil otherwise.
func wasmNames(r *bytes.Reader) (map[uint64]string, error) {
	if name, err := wasmBytes(r); err != nil || string(name) != "name" {
		return nil, err
	}
	for r.Len() > 0 {
		sub, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		data, err := wasmBytes(r)
		if err != nil || sub != 1 {
			if err != nil {
				return nil, err
			}
			continue
		}
		d := bytes.NewReader(data)
		count, err := binary.ReadUvarint(d)
		if err != nil {
			return nil, err
		}
		names := make(map[uint64]string, count)
		for range count {
			i, err := binary.ReadUvarint(d)
			if err != nil {
				return nil, err
			}
			n, err := wasmBytes(d)
			if err != nil {
				return nil, err
			}
			names[i] = string(n)
		}
		return names, nil
	}
	return nil, errors.New("the name section has no function names")
}
