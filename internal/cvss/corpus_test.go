package cvss

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const corpusDir = "../../../shared/corpus"

// scorePair is a vector and the base score a tool published next to it.
type scorePair struct {
	file, vector string
	score        float64
}

// vectorScoreKeys maps the JSON key holding a vector to the key(s) holding
// its base score in the same object, for the dialects found in the corpus:
// Trivy (V3Vector/V3Score), Grype JSON (vector + metrics.baseScore),
// CycloneDX ratings (vector/score), Trivy SARIF properties
// (cvssv3_vector/cvssv3_baseScore) and FIRST CVSS JSON as used by CSAF
// (vectorString/baseScore).
var vectorScoreKeys = map[string][]string{
	"V3Vector":      {"V3Score"},
	"vector":        {"score", "metrics.baseScore"},
	"cvssv3_vector": {"cvssv3_baseScore"},
	"vectorString":  {"baseScore"},
}

// collectPairs walks a decoded JSON value and returns every vector/score
// pair, and every string that looks like a CVSS v3/v4 vector (paired or not,
// e.g. OSV "severity" entries hold only the vector).
func collectPairs(file string, node any, pairs *[]scorePair, vectors *[]string) {
	switch n := node.(type) {
	case string:
		if strings.HasPrefix(n, "CVSS:3.") || strings.HasPrefix(n, "CVSS:4.") {
			*vectors = append(*vectors, n)
		}
	case []any:
		for _, e := range n {
			collectPairs(file, e, pairs, vectors)
		}
	case map[string]any:
		for vk, scoreKeys := range vectorScoreKeys {
			vec, ok := n[vk].(string)
			if !ok || (!strings.HasPrefix(vec, "CVSS:3.") && !strings.HasPrefix(vec, "CVSS:4.")) {
				continue
			}
			for _, sk := range scoreKeys {
				if s, ok := lookupNumber(n, sk); ok {
					*pairs = append(*pairs, scorePair{file, vec, s})
					break
				}
			}
		}
		for _, v := range n {
			collectPairs(file, v, pairs, vectors)
		}
	}
}

func lookupNumber(m map[string]any, dotted string) (float64, bool) {
	var cur any = m
	for _, part := range strings.Split(dotted, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return 0, false
		}
		cur = obj[part]
	}
	num, ok := cur.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(string(num), 64)
	return f, err == nil
}

// decodeJSON decodes with json.Number so published scores are compared as
// written, not after a float round trip.
func decodeJSON(data []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	return doc, dec.Decode(&doc) == nil
}

func corpusPairs(t *testing.T, dir string) (pairs []scorePair, vectors []string, files int) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		doc, ok := decodeJSON(data)
		if !ok {
			return nil // not JSON (or a deliberately broken file); nothing to check
		}
		files++
		rel, _ := filepath.Rel(dir, path)
		collectPairs(rel, doc, &pairs, &vectors)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return pairs, vectors, files
}

// TestCorpusScannerScores checks that our base score equals the score the
// scanner (or advisory author) published for every CVSS vector/score pair in
// the shared corpus: scanners/ (Trivy, Grype, SARIF, OSV) as required, and
// vex/ (CSAF advisories) as a further source.
func TestCorpusScannerScores(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skipf("shared corpus not available at %s: %v", corpusDir, err)
	}
	for _, sub := range []string{"scanners", "vex"} {
		dir := filepath.Join(corpusDir, sub)
		if _, err := os.Stat(dir); err != nil {
			t.Skipf("corpus directory %s missing: %v", dir, err)
		}
		pairs, vectors, files := corpusPairs(t, dir)
		if sub == "scanners" && len(pairs) == 0 {
			t.Fatalf("no vector/score pairs found in %s; the extraction is broken", dir)
		}
		v3, v4, agree := 0, 0, 0
		for _, p := range pairs {
			v, err := Parse(p.vector)
			if err != nil {
				t.Errorf("%s/%s: %q: %v", sub, p.file, p.vector, err)
				continue
			}
			if v.Version() == Version40 {
				v4++
			} else {
				v3++
			}
			got, err := v.BaseScore()
			if err != nil || got != p.score {
				t.Errorf("%s/%s: %s: our base score %v (%v), published %v", sub, p.file, p.vector, got, err, p.score)
				continue
			}
			agree++
		}
		// Every vector in the corpus, paired with a score or not, must parse.
		for _, vec := range vectors {
			if _, err := Parse(vec); err != nil {
				t.Errorf("%s: corpus vector %q: %v", sub, vec, err)
			}
		}
		t.Logf("%s: %d JSON files, %d CVSS vectors (all parsed), %d vector/score pairs (%d v3, %d v4), %d agree",
			sub, files, len(vectors), len(pairs), v3, v4, agree)
	}
}
