using System.Text;

namespace Ctem.Plugins.Reports.Nuclei;

/// <summary>A nuclei result names its template (<c>template-id</c>, v2 <c>templateID</c>) beside an <c>info</c> block.</summary>
internal static class NucleiDetection
{
    public static bool Looks(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return (text.StartsWith('{') || text.StartsWith('['))
            && (text.Contains("\"template-id\"", StringComparison.Ordinal) || text.Contains("\"templateID\"", StringComparison.Ordinal))
            && text.Contains("\"info\"", StringComparison.Ordinal);
    }
}
