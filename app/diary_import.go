package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// importJSON merges a backup: the whole file is checked first, the merged
// diary is built aside and saved, and only then shown. A bad file, or one
// the device cannot keep, changes nothing. Days already in the diary keep
// what is here.
func (s *diaryStore) importJSON(data []byte) (added, kept int, err error) {
	doc, err := s.readBackup(data)
	if err != nil {
		return 0, 0, err
	}
	next, added, kept, err := s.merged(doc)
	if err != nil {
		return 0, 0, err
	}
	if err := s.saveDoc(next); err != nil {
		s.l.plainWords(err) // the browser's words, for the console
		return 0, 0, s.l.problemAt("", "backup_not_saved")
	}
	s.doc = next
	return added, kept, nil
}

// readBackup decodes a backup, bringing an older version up to date first,
// as a stored diary is.
func (s *diaryStore) readBackup(data []byte) (diaryDoc, error) {
	notBackup := s.l.problemAt("", "not_a_backup")
	if len(data) > maxBackupBytes {
		return diaryDoc{}, s.l.problemAt("", "backup_too_big", "kb", strconv.Itoa(len(data)>>10))
	}
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return diaryDoc{}, notBackup
	}
	var v int
	if json.Unmarshal(fields["version"], &v) != nil || v < 1 || v > diaryVersion {
		return diaryDoc{}, s.l.problemAt("version", "backup_version", "v", strconv.Itoa(v))
	}
	for ; v < diaryVersion; v++ {
		if migrations[v](s.set, fields) != nil {
			return diaryDoc{}, notBackup
		}
		fields["version"] = json.RawMessage(strconv.Itoa(v + 1))
	}
	data, err := json.Marshal(fields)
	if err != nil {
		return diaryDoc{}, notBackup
	}
	var doc diaryDoc
	if strictJSON(data, &doc) != nil {
		return diaryDoc{}, notBackup
	}
	return doc, nil
}

// merged checks a backup against the diary it will join (this one, or the
// backup's own start when there is none here yet) and returns the two
// together, leaving this one as it is.
func (s *diaryStore) merged(doc diaryDoc) (next diaryDoc, added, kept int, err error) {
	if doc.Diary != nil {
		if err := s.checkInfo(*doc.Diary); err != nil {
			return next, 0, 0, s.l.problemAt("diary", "backup_start_bad", "why", s.l.plainWords(err))
		}
	}
	start := s.doc.Diary
	if start == nil {
		start = doc.Diary
	}
	if len(doc.Entries)+len(s.doc.Entries) > maxEntries {
		return next, 0, 0, s.l.problemAt("entries", "backup_too_many", "n", strconv.Itoa(len(doc.Entries)), "max", strconv.Itoa(maxEntries))
	}
	seen := map[string]bool{}
	for i, e := range doc.Entries {
		if err := s.checkItem(e, start); err != nil {
			return next, 0, 0, s.l.problemAt(fmt.Sprintf("entries[%d]", i), "backup_entry_bad", "n", strconv.Itoa(i+1), "why", s.l.plainWords(err))
		}
		if seen[e.Date] {
			return next, 0, 0, s.l.problemAt(fmt.Sprintf("entries[%d].date", i), "backup_two_entries", "date", e.Date)
		}
		seen[e.Date] = true
	}
	if start == nil && len(doc.Entries) > 0 {
		return next, 0, 0, s.l.problemAt("diary", "backup_no_start")
	}
	next = diaryDoc{Version: diaryVersion, Diary: start, Entries: slices.Clone(s.doc.Entries)}
	for _, e := range doc.Entries {
		if next.find(e.Date) >= 0 {
			kept++
			continue
		}
		next.Entries = append(next.Entries, e)
		added++
	}
	next.sort()
	return next, added, kept, nil
}
