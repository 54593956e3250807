package threatimport

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/annexlint/annexlint/internal/docparse"
)

func importModelFixture(t *testing.T, name string) *Model {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	m, err := ImportModel(name, data, docparse.Limits{})
	if err != nil {
		t.Fatalf("ImportModel(%s): %v", name, err)
	}
	return m
}

// threatInterfaces is threat ID -> the interfaces it names.
func threatInterfaces(m *Model) map[string][]any {
	out := map[string][]any{}
	for _, tv := range m.Content["threats"].([]any) {
		t := tv.(map[string]any)
		out[t["id"].(string)] = t["interfaces"].([]any)
	}
	return out
}

func TestThreagileElementsMapOntoInterfaces(t *testing.T) {
	t.Parallel()
	m := importModelFixture(t, "threagile-small.yaml")
	var kinds []string
	for _, e := range m.Elements {
		kinds = append(kinds, e.Kind+" "+e.ID)
	}
	want := []string{"trust boundary cloud", "technical asset pump-app", "communication link pump-app>programme-upload", "technical asset api"}
	if diff := cmp.Diff(want, kinds); diff != "" {
		t.Errorf("elements (-want +got):\n%s", diff)
	}
	mp := NewMapper(m, []Interface{{ID: "IF-BLE"}, {ID: "IF-WIFI"}})
	for _, pair := range [][2]string{{"Programme Upload", "IF-BLE"}, {"api", "IF-WIFI"}, {"cloud", "IF-WIFI"}} {
		if err := mp.Add(pair[0], pair[1]); err != nil {
			t.Fatalf("Add(%s, %s): %v", pair[0], pair[1], err)
		}
	}
	m.MapInterfaces(mp.Mapping)
	got := threatInterfaces(m)
	wantIfaces := map[string][]any{
		"programme-tampering.api.dose-programme":        {"IF-WIFI"},
		"programme-tampering.pump-app-programme-upload": {"IF-BLE"},
		"manual-outdated.public-manual":                 {}, // on a data asset only: no element to map
	}
	if diff := cmp.Diff(wantIfaces, got); diff != "" {
		t.Errorf("threat interfaces (-want +got):\n%s", diff)
	}
	if un := m.Unnamed([]Interface{{ID: "IF-BLE"}, {ID: "IF-USB"}}); len(un) != 1 || un[0].ID != "IF-USB" {
		t.Errorf("Unnamed = %v, want IF-USB only", un)
	}
}

func TestLookup(t *testing.T) {
	t.Parallel()
	data := `{"version": "2.3.0", "summary": {"title": "x"}, "detail": {"diagrams": [{"diagramType": "STRIDE", "cells": [
	{"id": "a", "shape": "process", "data": {"type": "tm.Process", "name": "Same"}},
	{"id": "b", "shape": "process", "data": {"type": "tm.Process", "name": "Same"}},
	{"id": "c", "shape": "flow", "data": {"type": "tm.Flow", "name": "Link", "threats": [{"title": "t", "status": "Open"}]}},
	{"id": "d", "shape": "trust-boundary-box", "data": {"type": "tm.Boundary", "name": "Box"}}]}]}}`
	m, err := ImportModel("m.json", []byte(data), docparse.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if e, err := m.Lookup("Link"); err != nil || e.ID != "c" || e.Kind != "data flow" || e.Threats != 1 {
		t.Errorf("Lookup(Link) = %+v, %v; want the data flow c with 1 threat", e, err)
	}
	if e, err := m.Lookup("a"); err != nil || e.ID != "a" {
		t.Errorf("Lookup(a) = %+v, %v", e, err)
	}
	if _, err := m.Lookup("Same"); err == nil || !strings.Contains(err.Error(), "map them by ID instead: a, b") {
		t.Errorf("Lookup(Same) = %v; want the ambiguity with both IDs", err)
	}
	if _, err := m.Lookup("Box"); err == nil {
		t.Error("a trust boundary box of Threat Dragon is no element threats are on, yet Lookup found it")
	}
	if err := NewMapper(m, []Interface{{ID: "IF-A"}}).Add("c", "IF-B"); err == nil || !strings.Contains(err.Error(), `no interface "IF-B" (its interfaces: IF-A)`) {
		t.Errorf("Add to an unknown interface = %v", err)
	}
}
