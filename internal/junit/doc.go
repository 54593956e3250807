// Package junit reads JUnit XML test reports into a small, dialect-neutral
// model with the line of every test case, so findings can point at them.
//
// Both roots are accepted: <testsuites> wrapping <testsuite> elements, and a
// single <testsuite>. The common dialects are covered: Maven Surefire/
// Failsafe, pytest, go-junit-report and gotestsum, plus suites nested in
// suites (PHPUnit style). Elements and attributes that do not matter here
// (properties, system-out, flakyFailure, ...) are skipped.
//
// Safety: encoding/xml expands only the five predefined XML entities and
// character references; it never reads a DTD or external entity, so entity
// expansion attacks cannot apply. Nesting is capped at MaxDepth elements and
// every malformed input yields a *position.Error with the line, never a panic.
package junit
