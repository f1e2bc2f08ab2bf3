using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace ScalingFit.Laws.Formulas;

/// <summary>The tokens of a formula.</summary>
internal enum FormulaToken
{
    Number,
    Name,
    Plus,
    Minus,
    Times,
    Divide,
    Power,
    Open,
    Close,
    Comma,
    Equals,
}

/// <summary>
/// Parses a formula with Superpower: <c>[name =] expression</c>, where an expression is built from
/// numbers (1.69, 6e-3), names, <c>+ − · * / ^</c> (^ binds tightest and to the right, and −x^2 is
/// −(x^2)), parentheses and function calls f(x, …). Errors name the column.
/// </summary>
internal static class FormulaParser
{
    // Numbers: 12, 1.5, .5, 6e-3; names: a letter or underscore, then letters, digits, underscores.
    // Built from character parsers rather than regular expressions: a formula is parsed once per
    // process, and building a Regex would cost more than the whole parse.
    private static readonly TextParser<TextSpan> Digits = Span.MatchedBy(Character.Digit.AtLeastOnce());

    private static readonly TextParser<TextSpan> NumberText = Span.MatchedBy(
        Digits.Then(_ => Character.EqualTo('.').IgnoreThen(Character.Digit.Many()).Value(Unit.Value).OptionalOrDefault()).Value(Unit.Value)
            .Or(Character.EqualTo('.').IgnoreThen(Digits).Value(Unit.Value))
            .Then(_ => Character.In('e', 'E').IgnoreThen(Character.In('+', '-').OptionalOrDefault()).IgnoreThen(Digits).Value(Unit.Value).OptionalOrDefault()));

    private static readonly TextParser<TextSpan> NameText = Span.MatchedBy(
        Character.Letter.Or(Character.EqualTo('_')).IgnoreThen(Character.LetterOrDigit.Or(Character.EqualTo('_')).Many()));

    private static readonly Tokenizer<FormulaToken> Tokenizer = new TokenizerBuilder<FormulaToken>()
        .Ignore(Span.WhiteSpace)
        .Match(NumberText, FormulaToken.Number)
        .Match(NameText, FormulaToken.Name)
        .Match(Character.EqualTo('+'), FormulaToken.Plus)
        .Match(Character.In('-', '−'), FormulaToken.Minus)
        .Match(Character.In('*', '·', '×'), FormulaToken.Times)
        .Match(Character.EqualTo('/'), FormulaToken.Divide)
        .Match(Character.EqualTo('^'), FormulaToken.Power)
        .Match(Character.EqualTo('('), FormulaToken.Open)
        .Match(Character.EqualTo(')'), FormulaToken.Close)
        .Match(Character.EqualTo(','), FormulaToken.Comma)
        .Match(Character.EqualTo('='), FormulaToken.Equals)
        .Build();

    private static int Column(Token<FormulaToken> token) => token.Position.Column;

    private static readonly TokenListParser<FormulaToken, Syntax> Number =
        Token.EqualTo(FormulaToken.Number).Select(t => (Syntax)new NumberSyntax(
            double.Parse(t.ToStringValue(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), Column(t)));

    private static readonly TokenListParser<FormulaToken, Syntax> Call =
        from name in Token.EqualTo(FormulaToken.Name)
        from open in Token.EqualTo(FormulaToken.Open)
        from arguments in Parse.Ref(() => Expression!).ManyDelimitedBy(Token.EqualTo(FormulaToken.Comma))
        from close in Token.EqualTo(FormulaToken.Close)
        select (Syntax)new CallSyntax(name.ToStringValue(), arguments, Column(name));

    private static readonly TokenListParser<FormulaToken, Syntax> Name =
        Token.EqualTo(FormulaToken.Name).Select(t => (Syntax)new NameSyntax(t.ToStringValue(), Column(t)));

    private static readonly TokenListParser<FormulaToken, Syntax> Group =
        from open in Token.EqualTo(FormulaToken.Open)
        from inner in Parse.Ref(() => Expression!)
        from close in Token.EqualTo(FormulaToken.Close)
        select inner;

    private static readonly TokenListParser<FormulaToken, Syntax> Primary =
        Number.Or(Call.Try()).Or(Name).Or(Group).Named("a number, a name, a function call or a parenthesis");

    private static readonly TokenListParser<FormulaToken, Syntax> Power =
        from basis in Primary
        from exponent in Token.EqualTo(FormulaToken.Power).Then(t => Parse.Ref(() => Unary!).Select(u => (Token: t, Exponent: u))).OptionalOrDefault()
        select exponent.Exponent is null ? basis : new BinarySyntax('^', basis, exponent.Exponent, Column(exponent.Token));

    private static readonly TokenListParser<FormulaToken, Syntax> Unary =
        (from minus in Token.EqualTo(FormulaToken.Minus)
         from operand in Parse.Ref(() => Unary!)
         select (Syntax)new NegateSyntax(operand, Column(minus)))
        .Or(from plus in Token.EqualTo(FormulaToken.Plus)
            from operand in Parse.Ref(() => Unary!)
            select operand)
        .Or(Power);

    private static readonly TokenListParser<FormulaToken, Token<FormulaToken>> MultiplyOperator =
        Token.EqualTo(FormulaToken.Times).Or(Token.EqualTo(FormulaToken.Divide));

    private static readonly TokenListParser<FormulaToken, Token<FormulaToken>> AddOperator =
        Token.EqualTo(FormulaToken.Plus).Or(Token.EqualTo(FormulaToken.Minus));

    private static readonly TokenListParser<FormulaToken, Syntax> Term =
        Parse.Chain(MultiplyOperator, Unary, (op, left, right) =>
            new BinarySyntax(op.Kind == FormulaToken.Times ? '*' : '/', left, right, Column(op)));

    private static readonly TokenListParser<FormulaToken, Syntax> Expression =
        Parse.Chain(AddOperator, Term, (op, left, right) =>
            new BinarySyntax(op.Kind == FormulaToken.Plus ? '+' : '-', left, right, Column(op)));

    private static readonly TokenListParser<FormulaToken, (Syntax? Target, Syntax Body)> Formula =
        (from target in Token.EqualTo(FormulaToken.Name)
         from eq in Token.EqualTo(FormulaToken.Equals)
         from body in Expression
         select ((Syntax?)new NameSyntax(target.ToStringValue(), Column(target)), body)).Try()
        .Or(Expression.Select(body => ((Syntax?)null, body)))
        .AtEnd();

    /// <summary>Parses a formula.</summary>
    /// <exception cref="OptionException">The text is not a formula; the message and <see cref="OptionException.Position"/> give the column.</exception>
    public static FormulaSyntax Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw Error(text, 1, "the formula is empty.");
        var tokens = Tokenizer.TryTokenize(text);
        if (!tokens.HasValue)
            throw Error(text, tokens.ErrorPosition.HasValue ? tokens.ErrorPosition.Column : 1,
                $"'{Word(text, tokens.ErrorPosition)}' is not part of a formula (numbers such as 6e-3, names, + − * / ^, parentheses and functions).");
        var result = Formula.TryParse(tokens.Value);
        if (!result.HasValue)
        {
            int column = result.ErrorPosition.HasValue ? result.ErrorPosition.Column : text.TrimEnd().Length + 1;
            string what = result.ErrorPosition.HasValue && column <= text.Length ? $"unexpected '{Near(text, result.ErrorPosition)}'" : "it ends too soon";
            string expected = result.Expectations is { Length: > 0 } e ? $", expected {string.Join(" or ", e.Select(Describe))}" : "";
            string hint = text.Contains("**", StringComparison.Ordinal) ? " Powers are written with ^ (N^alpha), not **." : "";
            throw Error(text, column, $"the formula is malformed at column {column}: {what}{expected}.{hint}");
        }
        return new FormulaSyntax(text, (NameSyntax?)result.Value.Target, result.Value.Body);
    }

    /// <summary>A token kind as Superpower names it ("close") as a person reads it ("')'").</summary>
    private static string Describe(string expectation) => expectation switch
    {
        "plus" => "'+'",
        "minus" => "'-'",
        "times" => "'*'",
        "divide" => "'/'",
        "power" => "'^'",
        "open" => "'('",
        "close" => "')'",
        "comma" => "','",
        "equals" => "'='",
        _ => expectation,
    };

    /// <summary>The characters from a position up to the next space or operator: "1e" where a number's exponent has no digits.</summary>
    private static string Word(string text, Position position)
    {
        if (!position.HasValue || text.Length == 0) return Near(text, position);
        int start = Math.Clamp(position.Absolute, 0, text.Length - 1), end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '.' or '_')) end++;
        return end > start ? text[start..end] : text[start].ToString();
    }

    private static string Near(string text, Position position)
    {
        int at = Math.Clamp(position.Absolute, 0, Math.Max(0, text.Length - 1));
        return text.Length == 0 ? "" : text[at].ToString();
    }

    /// <summary>An error in a formula at a column, with the formula and a caret in the message.</summary>
    public static OptionException Error(string text, int column, string problem)
    {
        var position = new TextPosition(text, column);
        return new OptionException("LawSpec.Law", $"{problem}\n{position.Pointer}") { Position = position };
    }
}
