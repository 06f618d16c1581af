namespace Ctem.Plugins.Reports.Nmap;

/// <summary>
/// Nmap writes a bare <c>&lt;!DOCTYPE nmaprun&gt;</c> into every <c>-oX</c> report. It declares no DTD, no entities and
/// nothing external, yet the shared loader refuses any DOCTYPE; blanking exactly that line (with spaces, so lines and
/// columns stay true) lets real reports load while any DOCTYPE with content still reaches the loader and is refused.
/// </summary>
internal static class NmapDoctype
{
    private static ReadOnlySpan<byte> Open => "<!DOCTYPE"u8;

    private static ReadOnlySpan<byte> RootName => "nmaprun"u8;

    public static void BlankBareDoctype(Span<byte> content)
    {
        var start = content.IndexOf(Open);
        if (start < 0)
        {
            return;
        }

        var at = start + Open.Length;
        var spaces = SkipSpace(content, at);
        if (spaces == at || !content[spaces..].StartsWith(RootName))
        {
            return;
        }

        at = SkipSpace(content, spaces + RootName.Length);
        if (at < content.Length && content[at] == (byte)'>')
        {
            content[start..(at + 1)].Fill((byte)' ');
        }
    }

    private static int SkipSpace(ReadOnlySpan<byte> content, int at)
    {
        while (at < content.Length && content[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at;
    }
}
