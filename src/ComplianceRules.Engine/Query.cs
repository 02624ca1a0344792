using System.Linq.Expressions;
using ComplianceRules.Engine.Definition;

namespace ComplianceRules.Engine;

/// <summary>Records the steps of a query; each call returns a new builder so partial queries can be reused.</summary>
internal sealed class QueryBuilder : IQuery
{
    public static readonly QueryBuilder Start = new();

    public IQuery<T> Match<T>(params Expression<Func<T, bool>>[] conditions) =>
        new QueryBuilder<T>([new QuerySourceStep(typeof(T), conditions)]);
}

internal sealed class QueryBuilder<TSource>(QueryStep[] steps) : IQuery<TSource>
{
    public QueryStep[] Steps { get; } = steps;

    public IQuery<TSource> Where(params Expression<Func<TSource, bool>>[] conditions) =>
        new QueryBuilder<TSource>([.. Steps, new QueryWhereStep(conditions)]);

    public IQuery<TResult> Select<TResult>(Expression<Func<TSource, TResult>> selector) =>
        new QueryBuilder<TResult>([.. Steps, new QuerySelectStep(selector)]);

    public IQuery<TResult> SelectMany<TResult>(Expression<Func<TSource, IEnumerable<TResult>>> selector) =>
        new QueryBuilder<TResult>([.. Steps, new QuerySelectManyStep(selector)]);

    public IQuery<IGrouping<TKey, TSource>> GroupBy<TKey>(Expression<Func<TSource, TKey>> keySelector) =>
        new QueryBuilder<IGrouping<TKey, TSource>>([.. Steps, new QueryGroupByStep(keySelector, typeof(TKey), typeof(TSource))]);

    public IQuery<IEnumerable<TSource>> Collect() =>
        new QueryBuilder<IEnumerable<TSource>>([.. Steps, new QueryCollectStep(typeof(TSource))]);
}
