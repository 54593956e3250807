// Package securitytxt parses RFC 9116 security.txt files and reports where
// they break the RFC.
//
// Parse never rejects a text file for RFC violations: it returns every
// "Name: value" field it can read, in file order and with its line, plus a
// Problem for each violation or noteworthy point, each with a stable Code for
// policies to match on. Only binary input is an error.
//
// What is checked: Contact present; Expires present exactly once, an RFC 3339
// date-time, not in the past and (as the RFC recommends) less than a year
// ahead of the reference time passed to Parse; Preferred-Languages at most
// once and made of language tags; the URI fields are URIs and web URIs use
// https; the CSAF field (CSAF 2.0 section 7.1.8) points at a
// provider-metadata.json over https; lines are comments, blank or
// "Name: value"; unknown field names are noted (RFC 9116 says to ignore
// them). An OpenPGP cleartext signature wrapper is stripped (dash-escaping
// undone) and noted: the signature is NOT verified.
//
// Parse takes the reference time as an argument and never reads the clock,
// so results are reproducible.
package securitytxt
