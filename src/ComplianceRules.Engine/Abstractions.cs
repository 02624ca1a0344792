using System.Linq.Expressions;
using System.Reflection;

namespace ComplianceRules.Engine;

/// <summary>The When() part of a rule: patterns and tests, evaluated in the order written.</summary>
public interface ILeftHandSideExpression
{
    /// <summary>Binds each fact of type <typeparamref name="T"/> satisfying all conditions to the captured local named by <paramref name="alias"/>.</summary>
    ILeftHandSideExpression Match<T>(Expression<Func<T>> alias, params Expression<Func<T, bool>>[] conditions);

    /// <summary>Anonymous pattern: a fact must match, but no later expression refers to it.</summary>
    ILeftHandSideExpression Match<T>(params Expression<Func<T, bool>>[] conditions);

    ILeftHandSideExpression Exists<T>(params Expression<Func<T, bool>>[] conditions);

    ILeftHandSideExpression Not<T>(params Expression<Func<T, bool>>[] conditions);

    /// <summary>Every fact satisfying <paramref name="baseCondition"/> also satisfies <paramref name="conditions"/> (true when there is none).</summary>
    ILeftHandSideExpression All<T>(Expression<Func<T, bool>> baseCondition, params Expression<Func<T, bool>>[] conditions);

    ILeftHandSideExpression Query<TResult>(Expression<Func<TResult>> alias, Func<IQuery, IQuery<TResult>> build);

    ILeftHandSideExpression Let<TResult>(Expression<Func<TResult>> alias, Expression<Func<TResult>> expression);

    ILeftHandSideExpression Having(params Expression<Func<bool>>[] conditions);
}

/// <summary>The Then() part of a rule: actions run in order for each firing.</summary>
public interface IRightHandSideExpression
{
    IRightHandSideExpression Do(Expression<Action<IContext>> action);
}

/// <summary>Start of a query inside When(): picks the facts it runs over.</summary>
public interface IQuery
{
    IQuery<T> Match<T>(params Expression<Func<T, bool>>[] conditions);
}

public interface IQuery<TSource>
{
    IQuery<TSource> Where(params Expression<Func<TSource, bool>>[] conditions);

    IQuery<TResult> Select<TResult>(Expression<Func<TSource, TResult>> selector);

    IQuery<TResult> SelectMany<TResult>(Expression<Func<TSource, IEnumerable<TResult>>> selector);

    /// <summary>One result per group, in order of each group's first element.</summary>
    IQuery<IGrouping<TKey, TSource>> GroupBy<TKey>(Expression<Func<TSource, TKey>> keySelector);

    /// <summary>One result holding every element (empty when there is none).</summary>
    IQuery<IEnumerable<TSource>> Collect();
}

/// <summary>What an action can see and do while its rule fires.</summary>
public interface IContext
{
    IRuleDefinition Rule { get; }

    IMatch Match { get; }

    void Insert(object fact);

    void InsertAll(IEnumerable<object> facts);

    /// <returns>false if this very instance is already in working memory.</returns>
    bool TryInsert(object fact);

    void Retract(object fact);
}

/// <summary>The facts and query results one firing matched, in When() order.</summary>
public interface IMatch
{
    IReadOnlyList<MatchedFact> Facts { get; }
}

public interface IRuleDefinition
{
    string Name { get; }

    string Description { get; }

    IReadOnlyList<string> Tags { get; }

    int Priority { get; }

    /// <summary>The rule class, so callers can read their own attributes from it.</summary>
    Type RuleType { get; }

    IReadOnlyList<IRuleParameter> Parameters { get; }
}

public interface IRuleParameter
{
    string Name { get; }

    Type ValueType { get; }

    object? DefaultValue { get; }

    string Description { get; }
}

/// <summary>Supplies parameter values when a rule set is compiled; parameters without a value keep their default.</summary>
public interface IParameterBinder
{
    bool TryGetValue(IRuleDefinition rule, IRuleParameter parameter, out object? value);
}

public interface IRuleLoadSpec
{
    IRuleLoadSpec From(params Assembly[] assemblies);

    IRuleLoadSpec From(params Type[] types);

    IRuleLoadSpec Where(Func<IRuleDefinition, bool> filter);
}

/// <summary>A compiled rule set. Immutable and safe to share between threads.</summary>
public interface ISessionFactory
{
    IReadOnlyList<IRuleDefinition> Rules { get; }

    ISession CreateSession();
}

/// <summary>
/// Working memory plus agenda for one unit of work. Not thread-safe. Dispose it when the work is
/// done (what it returned, such as <see cref="Firings"/> and <see cref="Query{T}"/>'s lists, stays
/// valid): its factory then reuses it, emptied, for the next session on the same thread. A disposed
/// session must not be used again.
/// </summary>
public interface ISession : IDisposable
{
    void Insert(object fact);

    void InsertAll(IEnumerable<object> facts);

    bool TryInsert(object fact);

    /// <summary>
    /// Inserts a list of facts, each of exactly <paramref name="factType"/>, as <see cref="InsertAll"/>
    /// does, but looks at them only when a pattern, a query or a duplicate check first needs facts of
    /// that type: until then working memory holds the list (a <c>List&lt;T&gt;</c> or array is then
    /// read in place). A list of a type no pattern of the rule set can see (a match, <c>Exists</c>,
    /// <c>Not</c>, <c>All</c> or query source, by assignability) is not read at all, and is absent from
    /// <see cref="Query{T}"/>: such facts could never change what fires. For the records of a case,
    /// most of which no rule's earlier patterns let through. The list must hold distinct instances
    /// and must not change while the session is in use; a fact of another type is an error when the
    /// list is first read. Falls back to <see cref="InsertAll"/> when the type is not sealed, or facts
    /// of it are already in working memory. (Not generic: a generic interface method costs a lookup per call.)
    /// </summary>
    void InsertLazily(Type factType, IReadOnlyList<object> facts);

    /// <summary>
    /// Inserts every list of <paramref name="lists"/> that <paramref name="owner"/> holds, as
    /// <see cref="InsertLazily(Type, IReadOnlyList{object})"/> would one after another, but reads a
    /// list from the owner only when a pattern, a query or a duplicate check first needs facts of
    /// its type, and until then keeps nothing for it but the owner: a case's records of types its
    /// earlier patterns never get to cost nothing. The same conditions hold for each list; facts of
    /// the lists' types already in working memory make every list go in as that method inserts it.
    /// </summary>
    void InsertLazily(FactLists lists, object owner);

    void Retract(object fact);

    /// <returns>The number of rules fired by this call.</returns>
    int Fire();

    /// <summary>Facts in working memory assignable to <typeparamref name="T"/>, in insertion order.</summary>
    IEnumerable<T> Query<T>();

    IReadOnlyList<RuleFiring> Firings { get; }
}
