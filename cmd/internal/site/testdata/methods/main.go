// Command methods shows which methods Go's linker keeps
// (TestWasmLinksTheMethodsInterfacesCall): box is put in an interface, and
// of its exported methods only those that a reachable call through an
// interface names stay, called on a box or not.
package main

import (
	"fmt"
	"os"
)

type shower interface{ Show() string }

type namer interface{ Name() string }

type box struct{}

// Show is called through shower.
func (box) Show() string { return "box" }

// Name is never called on a box, but namer.Name is called: it stays.
func (box) Name() string { return "a box" }

// Hide is called through no interface: it goes.
func (box) Hide() string { return "hidden" }

type label string

func (l label) Show() string { return string(l) }

func (l label) Name() string { return string(l) }

// newNamer is not inlined, so the compiler does not know what n holds.
//
//go:noinline
func newNamer() namer { return label("label") }

func main() {
	// Which value s holds is known only at run time, so the compiler
	// cannot call its method directly.
	var s shower = label("label")
	if len(os.Args) > 1 {
		s = box{}
	}
	n := newNamer()
	fmt.Println(s.Show(), n.Name())
}
