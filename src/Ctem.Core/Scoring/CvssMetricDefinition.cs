namespace Ctem.Core.Scoring;

/// <summary>One metric of a CVSS version: its abbreviation, group and the values a vector may give it.</summary>
internal sealed record CvssMetricDefinition(string Name, CvssMetricGroup Group, IReadOnlyList<string> Values)
{
    public bool Mandatory => Group == CvssMetricGroup.Base;
}
