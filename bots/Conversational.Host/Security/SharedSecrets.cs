using System.Security.Cryptography;
using System.Text;

namespace Conversational.Host.Security;

/// <summary>Checks a presented key or secret against the configured ones.</summary>
public static class SharedSecrets
{
    /// <summary>
    /// Whether <paramref name="presented"/> is one of <paramref name="known"/>. Every key is compared, in constant time,
    /// so the answer's timing says nothing about how close a guess was.
    /// </summary>
    public static bool IsKnown(string presented, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(presented);
        ArgumentNullException.ThrowIfNull(known);
        var bytes = Encoding.UTF8.GetBytes(presented);
        var found = false;
        foreach (var key in known.Where(k => k.Length > 0))
        {
            found |= CryptographicOperations.FixedTimeEquals(bytes, Encoding.UTF8.GetBytes(key));
        }

        return presented.Length > 0 && found;
    }
}
