using Superpower;
using Superpower.Display;
using Superpower.Model;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace ScalingFit.Data;

/// <summary>The tokens of a filter expression.</summary>
internal enum FilterToken
{
    [Token(Example = "(")] LeftParen,
    [Token(Example = ")")] RightParen,
    [Token(Example = ",")] Comma,
    [Token(Description = "a comparison")] Operator,
    [Token(Description = "a number")] Number,
    [Token(Description = "a word")] Word,
    [Token(Description = "quoted text")] Quoted,
}

/// <summary>
/// The grammar of --where, built on Superpower 3:
/// <code>
/// expr  := and ("or" and)*
/// and   := unary ("and" unary)*
/// unary := "not" unary | "(" expr ")" | NAME op VALUE | NAME ["not"] "in" "(" VALUE ("," VALUE)* ")"
/// op    := = | == | != | &lt;&gt; | &lt; | &lt;= | &gt; | &gt;=
/// </code>
/// NAME and VALUE are bare words (letters, digits, _ . / - :), numbers (1e9, -0.5) or quoted text
/// ("Model Size (B)", 'a b', 'it''s': a quote doubled inside is one quote); keywords are case-insensitive.
/// </summary>
internal static class RowFilterParser
{
    private static readonly Tokenizer<FilterToken> Tokenizer = new TokenizerBuilder<FilterToken>()
        .Ignore(Span.WhiteSpace)
        .Match(Character.EqualTo('('), FilterToken.LeftParen)
        .Match(Character.EqualTo(')'), FilterToken.RightParen)
        .Match(Character.EqualTo(','), FilterToken.Comma)
        .Match(Span.EqualTo("==").Try().Or(Span.EqualTo("!=").Try()).Or(Span.EqualTo("<>").Try()).Or(Span.EqualTo("<=").Try())
            .Or(Span.EqualTo(">=").Try()).Or(Span.EqualTo("<")).Or(Span.EqualTo(">")).Or(Span.EqualTo("=")), FilterToken.Operator)
        .Match(Span.Regex(@"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?"), FilterToken.Number, requireDelimiters: true)
        .Match(Span.MatchedBy(Character.Matching(c => char.IsLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-', "a letter or digit").AtLeastOnce()),
            FilterToken.Word, requireDelimiters: true)
        .Match(Span.Regex("\"(?:[^\"]|\"\")*\"|'(?:[^']|'')*'|`[^`]*`"), FilterToken.Quoted)
        .Build();

    private static TokenListParser<FilterToken, string> Keyword(string word) =>
        Token.EqualToValueIgnoreCase(FilterToken.Word, word).Value(word);

    private static readonly TokenListParser<FilterToken, string> Name =
        Token.EqualTo(FilterToken.Word).Or(Token.EqualTo(FilterToken.Number)).Select(t => t.ToStringValue())
            .Where(w => !IsKeyword(w), "a column name")
            .Or(Token.EqualTo(FilterToken.Quoted).Select(t => Unquote(t.ToStringValue())))
            .Named("a column name");

    private static readonly TokenListParser<FilterToken, FilterValue> Value =
        Token.EqualTo(FilterToken.Number).Or(Token.EqualTo(FilterToken.Word)).Select(t => t.ToStringValue())
            .Where(w => !IsKeyword(w), "a value (quote a value that is a keyword: 'and')").Select(w => new FilterValue(w))
            .Or(Token.EqualTo(FilterToken.Quoted).Select(t => new FilterValue(Unquote(t.ToStringValue()))))
            .Named("a value");

    private static readonly TokenListParser<FilterToken, string> Operator =
        Token.EqualTo(FilterToken.Operator).Select(t => t.ToStringValue() switch { "==" => "=", "<>" => "!=", var op => op })
            .Named("a comparison (=, !=, <, <=, >, >=) or 'in'");

    private static readonly TokenListParser<FilterToken, RowFilter> Comparison =
        from column in Name
        from condition in
            (from op in Operator
             from value in Value
             select (RowFilter)new ComparisonFilter(column, op, value))
            .Or(from not in Keyword("not").Select(_ => true).OptionalOrDefault(false)
                from _ in Keyword("in")
                from open in Token.EqualTo(FilterToken.LeftParen)
                from values in Value.AtLeastOnceDelimitedBy(Token.EqualTo(FilterToken.Comma))
                from close in Token.EqualTo(FilterToken.RightParen)
                select (RowFilter)new InFilter(column, values, not))
        select condition;

    private static readonly TokenListParser<FilterToken, RowFilter> Unary =
        (from _ in Keyword("not")
         from inner in Superpower.Parse.Ref(() => Unary!)
         select (RowFilter)new NotFilter(inner))
        .Or(from open in Token.EqualTo(FilterToken.LeftParen)
            from inner in Superpower.Parse.Ref(() => Expression!)
            from close in Token.EqualTo(FilterToken.RightParen)
            select inner)
        .Or(Comparison);

    private static readonly TokenListParser<FilterToken, RowFilter> Conjunction =
        Superpower.Parse.Chain(Keyword("and"), Unary, (_, a, b) => new AndFilter(a, b));

    private static readonly TokenListParser<FilterToken, RowFilter> Expression =
        Superpower.Parse.Chain(Keyword("or"), Conjunction, (_, a, b) => new OrFilter(a, b));

    private static readonly TokenListParser<FilterToken, RowFilter> Filter = Expression.AtEnd();

    /// <exception cref="OptionException">The expression is malformed; the message shows where.</exception>
    public static RowFilter Parse(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            throw new OptionException("the filter is empty; write a condition such as \"epochs <= 1 and family in (pythia, qwen)\".");
        var tokens = Tokenizer.TryTokenize(expression);
        if (!tokens.HasValue) throw Error(expression, tokens.ErrorPosition, tokens.FormatErrorMessageFragment());
        var result = Filter.TryParse(tokens.Value);
        if (!result.HasValue)
        {
            var position = result.ErrorPosition.HasValue ? result.ErrorPosition : new Position(expression.Length, 1, expression.Length + 1);
            throw Error(expression, position, result.FormatErrorMessageFragment());
        }
        return result.Value;
    }

    private static OptionException Error(string expression, Position position, string problem)
    {
        int column = Math.Clamp(position.HasValue ? position.Column : expression.Length + 1, 1, expression.Length + 1);
        return new OptionException(
            $"cannot read the filter at character {column}: {problem}.\n  {expression}\n  {new string(' ', column - 1)}^\n" +
            "Write conditions such as: epochs <= 1 and family in (pythia, qwen); quote names with spaces: \"Model Size (B)\" > 1.");
    }

    private static bool IsKeyword(string word) =>
        word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase)
        || word.Equals("not", StringComparison.OrdinalIgnoreCase) || word.Equals("in", StringComparison.OrdinalIgnoreCase);

    /// <summary>The text inside quotes; a quote doubled inside is one quote, as in SQL ('it''s').</summary>
    private static string Unquote(string quoted) => quoted[1..^1].Replace(new string(quoted[0], 2), quoted[..1], StringComparison.Ordinal);
}
