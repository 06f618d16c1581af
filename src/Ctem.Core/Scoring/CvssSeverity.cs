namespace Ctem.Core.Scoring;

/// <summary>
/// The qualitative severity of a CVSS score. v3.x and v4.0 use the whole scale; v2.0 (NVD) only Low, Medium and High.
/// </summary>
public enum CvssSeverity
{
    None,
    Low,
    Medium,
    High,
    Critical,
}
