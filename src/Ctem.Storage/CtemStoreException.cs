namespace Ctem.Storage;

/// <summary>
/// The database could not be opened or used. The message names the database (never its password)
/// so that a command line can print it as one line.
/// </summary>
public sealed class CtemStoreException : Exception
{
    public CtemStoreException()
    {
    }

    public CtemStoreException(string message)
        : base(message)
    {
    }

    public CtemStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
