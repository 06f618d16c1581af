namespace Ctem.Plugins.VersionSchemes.Packagist;

/// <summary>
/// PHP's <c>version_compare</c> reading of a version (ext/standard/versioning.c), on the UTF-8 bytes as PHP sees
/// them: <c>php_canonicalize_version</c> makes '-', '_' and '+' separators, puts a separator between a digit and a
/// non-digit (keeping a symbol that directly follows a digit, so "1.0@dev" has the word "@dev"), turns any other
/// symbol into a separator and keeps the first character as it is; a version starting with "#" is not canonicalised.
/// The result splits on '.' into parts.
/// </summary>
internal static class PackagistParts
{
    public static PackagistPart[] Split(ReadOnlySpan<byte> version)
    {
        var canonical = version[0] == (byte)'#' ? version.ToArray() : Canonicalize(version);
        var parts = new List<PackagistPart>();
        var start = 0;
        for (var i = 0; i <= canonical.Length; i++)
        {
            if (i < canonical.Length && canonical[i] != (byte)'.')
            {
                continue;
            }

            var part = canonical.AsSpan(start, i - start);
            if (part.IsEmpty && i == canonical.Length && i > 0)
            {
                // version_compare stops at a trailing separator and ranks what is left, nothing, below anything.
                parts.Add(PackagistPart.TrailingEmpty);
            }
            else if (!part.IsEmpty && char.IsAsciiDigit((char)part[0]))
            {
                // strtol reads the leading digits; only an uncanonicalised "#" version has a part such as "0-beta".
                var digits = part.IndexOfAnyExceptInRange((byte)'0', (byte)'9');
                parts.Add(PackagistPart.Number(System.Text.Encoding.ASCII.GetString(digits < 0 ? part : part[..digits])));
            }
            else
            {
                parts.Add(PackagistPart.Word(part));
            }

            start = i + 1;
        }

        return [.. parts];
    }

    private static byte[] Canonicalize(ReadOnlySpan<byte> version)
    {
        var output = new List<byte>(version.Length * 2) { version[0] };
        var previous = version[0];
        foreach (var c in version[1..])
        {
            var last = output[^1];
            if (c is (byte)'-' or (byte)'_' or (byte)'+')
            {
                AddSeparator(output, last);
            }
            else if ((IsWordByte(previous) && IsDigit(c)) || (IsDigit(previous) && IsWordByte(c)))
            {
                AddSeparator(output, last);
                output.Add(c);
            }
            else if (!IsAlphanumeric(c))
            {
                AddSeparator(output, last);
            }
            else
            {
                output.Add(c);
            }

            previous = c;
        }

        return [.. output];
    }

    private static void AddSeparator(List<byte> output, byte last)
    {
        if (last != (byte)'.')
        {
            output.Add((byte)'.');
        }
    }

    private static bool IsDigit(byte c) => c is >= (byte)'0' and <= (byte)'9';

    private static bool IsWordByte(byte c) => !IsDigit(c) && c != (byte)'.';

    private static bool IsAlphanumeric(byte c) => IsDigit(c) || c is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';
}
