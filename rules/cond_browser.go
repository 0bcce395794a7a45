//go:build wasm

package rules

// writtenConds: app.wasm has no parser for conditions as written; it reads
// them parsed, from its words file (browser.json with its texts; see Cond).
func (s *Set) writtenConds(path string, _ []string, ps *Problems) []cond {
	ps.add(path, "conditions as written: app.wasm reads them parsed, from its words file")
	return nil
}
