namespace Ctem.Plugins.Reports.Nessus;

/// <summary>
/// Tenable writes one CSV per product and version: Nessus (<c>Plugin ID,CVE,CVSS,Risk,Host,…</c>), Tenable.sc
/// (<c>Plugin,Plugin Name,Family,Severity,IP Address,…</c>), Tenable.io / Vulnerability Management
/// (semicolon-separated <c>definition.id;…;asset.display_ipv4_address;…</c>) and Nessus WAS (Nessus's, with
/// <c>CVSSv3</c>). Each field is read from the first of its names that the row has.
/// </summary>
internal static class NessusCsvColumns
{
    public static readonly string[] Plugin = ["Plugin ID", "Plugin", "definition.id"];

    public static readonly string[] Name = ["Name", "Plugin Name", "definition.name"];

    // The IP before the name: Nmap and OpenVAS key hosts by address, so the address is what lets their findings merge.
    public static readonly string[] Host = ["IP Address", "asset.display_ipv4_address", "asset.display_ipv6_address", "Host", "DNS Name", "FQDN", "asset.display_fqdn", "asset.host_name"];

    public static readonly string[] Protocol = ["Protocol", "protocol"];

    public static readonly string[] Port = ["Port", "port"];

    public static readonly string[] Severity = ["Risk", "Severity", "severity", "Risk Factor", "definition.severity"];

    public static readonly string[] Cve = ["CVE", "definition.cve"];

    public static readonly string[] Vectors = ["CVSS V3 Vector", "CVSS3 Vector", "definition.cvss3.base_vector", "CVSS V2 Vector", "CVSS Vector", "definition.cvss2.base_vector"];

    public static readonly string[] Scores = ["CVSS v3.0 Base Score", "CVSS V3 Base Score", "CVSS3 Base Score", "CVSSv3", "CVSS v2.0 Base Score", "CVSS V2 Base Score", "CVSS Base Score", "CVSS"];

    public static readonly string[] Synopsis = ["Synopsis", "definition.synopsis"];

    public static readonly string[] Description = ["Description", "definition.description"];

    public static readonly string[] Solution = ["Solution", "Steps to Remediate", "definition.solution"];

    public static readonly string[] Output = ["Plugin Output", "Plugin Text", "output"];

    /// <summary>Vulnerability management exports keep fixed findings, marked in <c>state</c> / <c>Vulnerability State</c>.</summary>
    public static readonly string[] State = ["state", "Vulnerability State"];
}
