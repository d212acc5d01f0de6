using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Conversational.Knowledge.Understanding;

/// <summary>
/// One ICU transliterator (e.g. <c>Hant-Hans</c>, 繁体 → 简体) borrowed from the libicu that .NET already loads on Linux,
/// so the conversion tables cost nothing to ship. ICU suffixes its exports with its major version (<c>utrans_openU_72</c>),
/// so the library and the suffix are probed at run time, newest first, the way .NET finds ICU itself.
/// </summary>
/// <remarks>
/// An ICU transliterator must not be used by two threads at once, so each call borrows a native instance from a small
/// pool and gives it back; the pool grows only to the number of concurrent callers and keeps at most one per processor.
/// </remarks>
internal sealed class IcuTransliterator
{
    private const int NewestIcuVersion = 99;
    private const int OldestIcuVersion = 50;
    private const int BufferOverflowError = 15; // U_BUFFER_OVERFLOW_ERROR
    private const int Forward = 0;              // UTRANS_FORWARD

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr OpenFunction(
        [MarshalAs(UnmanagedType.LPWStr)] string id, int idLength, int direction,
        IntPtr rules, int rulesLength, IntPtr parseError, ref int status);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void TransliterateFunction(
        IntPtr transliterator, IntPtr text, ref int textLength, int textCapacity, int start, ref int limit, ref int status);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void CloseFunction(IntPtr transliterator);

    private readonly string _id;
    private readonly OpenFunction _open;
    private readonly TransliterateFunction _transliterate;
    private readonly CloseFunction _close;
    private readonly ConcurrentBag<IntPtr> _idle = [];

    private IcuTransliterator(string id, OpenFunction open, TransliterateFunction transliterate, CloseFunction close)
    {
        _id = id;
        _open = open;
        _transliterate = transliterate;
        _close = close;
    }

    /// <returns>The transliterator, or null when no ICU library with the <c>utrans</c> functions and this id is found.</returns>
    public static IcuTransliterator? TryCreate(string id)
    {
        if (FindExports() is not var (open, transliterate, close))
        {
            return null;
        }

        var transliterator = new IcuTransliterator(
            id,
            Marshal.GetDelegateForFunctionPointer<OpenFunction>(open),
            Marshal.GetDelegateForFunctionPointer<TransliterateFunction>(transliterate),
            Marshal.GetDelegateForFunctionPointer<CloseFunction>(close));
        var first = transliterator.Open();
        if (first == IntPtr.Zero)
        {
            return null; // ICU is there but lacks this transform (e.g. a trimmed data file).
        }

        transliterator._idle.Add(first);
        return transliterator;
    }

    /// <returns>The transliterated text; the input unchanged if ICU reports an error.</returns>
    public string Transliterate(string text)
    {
        if (!_idle.TryTake(out var native))
        {
            native = Open();
            if (native == IntPtr.Zero)
            {
                return text;
            }
        }

        try
        {
            return Run(native, text, capacity: text.Length + 16) ?? Run(native, text, capacity: (text.Length * 4) + 16) ?? text;
        }
        finally
        {
            if (_idle.Count < Environment.ProcessorCount)
            {
                _idle.Add(native);
            }
            else
            {
                _close(native);
            }
        }
    }

    private IntPtr Open()
    {
        var status = 0;
        var native = _open(_id, _id.Length, Forward, IntPtr.Zero, 0, IntPtr.Zero, ref status);
        return status > 0 ? IntPtr.Zero : native;
    }

    // ICU rewrites the buffer in place; null means it did not fit.
    private string? Run(IntPtr native, string text, int capacity)
    {
        var buffer = new char[capacity];
        text.CopyTo(buffer);
        var length = text.Length;
        var limit = text.Length;
        var status = 0;
        var pinned = GCHandle.Alloc(buffer, GCHandleType.Pinned);
        try
        {
            _transliterate(native, pinned.AddrOfPinnedObject(), ref length, capacity, 0, ref limit, ref status);
        }
        finally
        {
            pinned.Free();
        }

        return status switch
        {
            BufferOverflowError => null,
            > 0 => text,
            _ => new string(buffer, 0, length),
        };
    }

    // Debian and Ubuntu ship libicui18n.so.NN whose symbols end in _NN; some builds export plain names, and the
    // unversioned libicui18n.so (a development symlink) says nothing about its version, so every suffix is tried.
    private static (IntPtr Open, IntPtr Transliterate, IntPtr Close)? FindExports()
    {
        for (var version = NewestIcuVersion; version >= OldestIcuVersion; version--)
        {
            if (NativeLibrary.TryLoad($"libicui18n.so.{version}", out var library))
            {
                return FindExports(library, $"_{version}") ?? FindExports(library, "");
            }
        }

        if (NativeLibrary.TryLoad("libicui18n.so", out var unversioned))
        {
            for (var version = NewestIcuVersion; version >= OldestIcuVersion; version--)
            {
                if (FindExports(unversioned, $"_{version}") is { } exports)
                {
                    return exports;
                }
            }

            return FindExports(unversioned, "");
        }

        return null;
    }

    private static (IntPtr Open, IntPtr Transliterate, IntPtr Close)? FindExports(IntPtr library, string suffix) =>
        NativeLibrary.TryGetExport(library, "utrans_openU" + suffix, out var open) &&
        NativeLibrary.TryGetExport(library, "utrans_transUChars" + suffix, out var transliterate) &&
        NativeLibrary.TryGetExport(library, "utrans_close" + suffix, out var close)
            ? (open, transliterate, close)
            : null;
}
