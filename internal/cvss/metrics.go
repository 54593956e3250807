package cvss

// Version is the CVSS version named by a vector's prefix.
type Version string

// Supported CVSS versions.
const (
	Version30 Version = "3.0"
	Version31 Version = "3.1"
	Version40 Version = "4.0"
)

// Group is the metric group a metric belongs to.
type Group string

// Metric groups. v3 has base, temporal and environmental; v4 has base,
// threat, environmental and supplemental.
const (
	GroupBase          Group = "base"
	GroupTemporal      Group = "temporal"
	GroupThreat        Group = "threat"
	GroupEnvironmental Group = "environmental"
	GroupSupplemental  Group = "supplemental"
)

// metricDef describes one metric of a CVSS version: its abbreviation, group
// and the allowed values in specification order. Base metrics are mandatory;
// all other metrics are optional and allow "X" (Not Defined).
type metricDef struct {
	key    string
	group  Group
	values []string
}

// v3Defs lists the CVSS v3.0/v3.1 metrics in specification order (v3.1
// Table 15); v3.0 and v3.1 share metric names and values.
var v3Defs = []metricDef{
	{"AV", GroupBase, []string{"N", "A", "L", "P"}},
	{"AC", GroupBase, []string{"L", "H"}},
	{"PR", GroupBase, []string{"N", "L", "H"}},
	{"UI", GroupBase, []string{"N", "R"}},
	{"S", GroupBase, []string{"U", "C"}},
	{"C", GroupBase, []string{"H", "L", "N"}},
	{"I", GroupBase, []string{"H", "L", "N"}},
	{"A", GroupBase, []string{"H", "L", "N"}},
	{"E", GroupTemporal, []string{"X", "H", "F", "P", "U"}},
	{"RL", GroupTemporal, []string{"X", "U", "W", "T", "O"}},
	{"RC", GroupTemporal, []string{"X", "C", "R", "U"}},
	{"CR", GroupEnvironmental, []string{"X", "H", "M", "L"}},
	{"IR", GroupEnvironmental, []string{"X", "H", "M", "L"}},
	{"AR", GroupEnvironmental, []string{"X", "H", "M", "L"}},
	{"MAV", GroupEnvironmental, []string{"X", "N", "A", "L", "P"}},
	{"MAC", GroupEnvironmental, []string{"X", "L", "H"}},
	{"MPR", GroupEnvironmental, []string{"X", "N", "L", "H"}},
	{"MUI", GroupEnvironmental, []string{"X", "N", "R"}},
	{"MS", GroupEnvironmental, []string{"X", "U", "C"}},
	{"MC", GroupEnvironmental, []string{"X", "H", "L", "N"}},
	{"MI", GroupEnvironmental, []string{"X", "H", "L", "N"}},
	{"MA", GroupEnvironmental, []string{"X", "H", "L", "N"}},
}

// v4Defs lists the CVSS v4.0 metrics in specification order (v4.0 section 7,
// Base/Threat/Environmental/Supplemental).
var v4Defs = []metricDef{
	{"AV", GroupBase, []string{"N", "A", "L", "P"}},
	{"AC", GroupBase, []string{"L", "H"}},
	{"AT", GroupBase, []string{"N", "P"}},
	{"PR", GroupBase, []string{"N", "L", "H"}},
	{"UI", GroupBase, []string{"N", "P", "A"}},
	{"VC", GroupBase, []string{"H", "L", "N"}},
	{"VI", GroupBase, []string{"H", "L", "N"}},
	{"VA", GroupBase, []string{"H", "L", "N"}},
	{"SC", GroupBase, []string{"H", "L", "N"}},
	{"SI", GroupBase, []string{"H", "L", "N"}},
	{"SA", GroupBase, []string{"H", "L", "N"}},
	{"E", GroupThreat, []string{"X", "A", "P", "U"}},
	{"CR", GroupEnvironmental, []string{"X", "H", "M", "L"}},
	{"IR", GroupEnvironmental, []string{"X", "H", "M", "L"}},
	{"AR", GroupEnvironmental, []string{"X", "H", "M", "L"}},
	{"MAV", GroupEnvironmental, []string{"X", "N", "A", "L", "P"}},
	{"MAC", GroupEnvironmental, []string{"X", "L", "H"}},
	{"MAT", GroupEnvironmental, []string{"X", "N", "P"}},
	{"MPR", GroupEnvironmental, []string{"X", "N", "L", "H"}},
	{"MUI", GroupEnvironmental, []string{"X", "N", "P", "A"}},
	{"MVC", GroupEnvironmental, []string{"X", "H", "L", "N"}},
	{"MVI", GroupEnvironmental, []string{"X", "H", "L", "N"}},
	{"MVA", GroupEnvironmental, []string{"X", "H", "L", "N"}},
	{"MSC", GroupEnvironmental, []string{"X", "H", "L", "N"}},
	// MSI and MSA add "S" (Safety), which has no base-metric counterpart.
	{"MSI", GroupEnvironmental, []string{"X", "S", "H", "L", "N"}},
	{"MSA", GroupEnvironmental, []string{"X", "S", "H", "L", "N"}},
	{"S", GroupSupplemental, []string{"X", "N", "P"}},
	{"AU", GroupSupplemental, []string{"X", "N", "Y"}},
	{"R", GroupSupplemental, []string{"X", "A", "U", "I"}},
	{"V", GroupSupplemental, []string{"X", "D", "C"}},
	{"RE", GroupSupplemental, []string{"X", "L", "M", "H"}},
	{"U", GroupSupplemental, []string{"X", "Clear", "Green", "Amber", "Red"}},
}

func defsFor(v Version) []metricDef {
	if v == Version40 {
		return v4Defs
	}
	return v3Defs
}
