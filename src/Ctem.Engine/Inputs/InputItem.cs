using Ctem.Core.Diagnostics;

namespace Ctem.Engine.Inputs;

/// <summary>
/// One document read from an input path (a file, a file in a directory, or an archive entry), or the reason
/// it could not be read. <see cref="Fatal"/> marks errors after which the whole input cannot be trusted
/// (a corrupt archive), as opposed to one bad entry among good ones.
/// </summary>
public sealed record InputItem(string Path, byte[]? Content, Diagnostic? Error, bool Fatal = false)
{
    public static InputItem Read(string path, byte[] content) => new(path, content, null);

    public static InputItem Failed(Diagnostic error, bool fatal = false) => new(error.Path, null, error, fatal);
}
