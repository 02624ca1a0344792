using System.Runtime.CompilerServices;

namespace ComplianceRules.Engine;

/// <summary>
/// The lists of facts an owner object holds (a case file's record lists), declared once and
/// inserted together by <see cref="ISession.InsertLazily(FactLists, object)"/>. Not generic itself,
/// so that the session's call is not a generic interface method (a lookup on every call).
/// </summary>
public abstract class FactLists
{
    private readonly List<Type> _factTypes = [];
    private bool _inUse;

    /// <summary>Each list's fact type, in the order the lists were added.</summary>
    public IReadOnlyList<Type> FactTypes => _factTypes;

    /// <summary>A session plans its insertions from these lists once: they cannot change after that.</summary>
    internal void Freeze() => _inUse = true;

    /// <summary>Records the fact type of a list being added: sealed, new to these lists, before any insertion.</summary>
    private protected void AddFactType(Type factType, string parameterName)
    {
        if (_inUse)
        {
            throw new InvalidOperationException("These fact lists have been inserted into a session: add every list before the first insertion.");
        }

        if (!factType.IsSealed)
        {
            // Behind a type that is not sealed, facts of other types may hide: only fact by fact can tell.
            throw new ArgumentException($"{factType.Name} is not sealed: insert its facts with ISession.InsertAll.", parameterName);
        }

        if (_factTypes.Contains(factType))
        {
            throw new ArgumentException($"These fact lists already have a list of {factType.Name}.", parameterName);
        }

        _factTypes.Add(factType);
    }

    internal abstract bool IsOwner(object owner);

    /// <summary>The list at <paramref name="index"/> of an owner <see cref="IsOwner"/> accepted.</summary>
    internal abstract IReadOnlyList<object> Read(int index, object owner);
}

/// <summary>
/// The lists of facts a <typeparamref name="TOwner"/> holds, one per fact type, each of a sealed
/// type: <c>new FactLists&lt;CaseFile&gt;().Add(f => f.Visits).Add(f => f.Supervisions)</c>.
/// </summary>
public sealed class FactLists<TOwner> : FactLists
    where TOwner : class
{
    private readonly List<Func<TOwner, IReadOnlyList<object>>> _readers = [];

    /// <summary>Adds the owner's list of <typeparamref name="T"/> facts, read by <paramref name="list"/>.</summary>
    public FactLists<TOwner> Add<T>(Func<TOwner, IReadOnlyList<T>> list)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(list);
        AddFactType(typeof(T), nameof(list));
        _readers.Add(list);
        return this;
    }

    internal override bool IsOwner(object owner) => owner is TOwner;

    internal override IReadOnlyList<object> Read(int index, object owner) =>
        _readers[index](Unsafe.As<TOwner>(owner))
        ?? throw new InvalidOperationException($"The list of {FactTypes[index].Name} that {typeof(TOwner).Name} holds is null.");
}
