using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ComplianceRules.Engine.Runtime;

/// <summary>
/// Reads a <c>List&lt;T&gt;</c> or <c>T[]</c> of one sealed reference type in place, as objects: how a
/// deferred list of a case's records reaches the patterns without being copied.
/// </summary>
internal abstract class ListView
{
    /// <summary>A view for lists of <paramref name="type"/>, or null when its facts must be copied (not a sealed reference type).</summary>
    public static ListView? For(Type type) =>
        type.IsSealed && !type.IsValueType && !type.ContainsGenericParameters
            ? (ListView)Activator.CreateInstance(typeof(ListView<>).MakeGenericType(type), [typeof(List<>).MakeGenericType(type), type.MakeArrayType()])!
            : null;

    /// <summary>The list's facts, when it is a <c>List&lt;T&gt;</c> or a <c>T[]</c>; valid until the list changes.</summary>
    public abstract bool TryRead(IReadOnlyList<object> list, out ReadOnlySpan<object> facts);
}

/// <remarks>
/// The list's type is compared, by reference, with the two exact types rather than tested with
/// <c>is</c>: T is a reference type, so this code is shared by every T, and <c>is List&lt;T&gt;</c>
/// would look the type up at run time on every call.
/// </remarks>
internal sealed class ListView<T>(Type listType, Type arrayType) : ListView
    where T : class
{
    public override bool TryRead(IReadOnlyList<object> list, out ReadOnlySpan<object> facts)
    {
        Span<T> typed;
        var type = list.GetType();
        if (ReferenceEquals(type, listType))
        {
            typed = CollectionsMarshal.AsSpan(Unsafe.As<List<T>>(list));
        }
        else if (ReferenceEquals(type, arrayType))
        {
            // Not the implicit conversion, whose covariance check would look T[] up at run time.
            var array = Unsafe.As<T[]>(list);
            typed = MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(array), array.Length);
        }
        else
        {
            facts = default;
            return false;
        }

        // T is a reference type, so a T is an object reference: the same memory, read as objects.
        facts = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<T, object>(ref MemoryMarshal.GetReference(typed)), typed.Length);
        return true;
    }
}
