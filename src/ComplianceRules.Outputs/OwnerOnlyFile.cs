namespace ComplianceRules.Outputs;

/// <summary>
/// Writes an output whole or not at all, readable only by its owner: case data is about
/// children. The content goes to a temporary file beside the target, which then replaces it,
/// so a crash never leaves half a file where a good one stood.
/// </summary>
public static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerReadWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="directory"/> (owner-only) when it does not exist yet.</summary>
    public static void EnsureDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
    }

    /// <summary>Creates a new file that only its owner can read or write (it must not exist yet).</summary>
    public static FileStream CreateNew(string path, FileAccess access, FileOptions options = FileOptions.None)
    {
        var settings = new FileStreamOptions { Mode = FileMode.CreateNew, Access = access, Options = options, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            settings.UnixCreateMode = OwnerReadWrite;
        }

        return new FileStream(path, settings);
    }

    public static void Write(string path, Action<TextWriter> write)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        EnsureDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = CreateNew(temporary, FileAccess.Write))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)))
            {
                write(writer);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
