using System.Text;

namespace NgTradingBot.EaProtocol.Decoding;

/// <summary>
/// The backtracking scanner behind <see cref="EaJsonRepair"/>. It walks the text once, copying structure
/// and re-escaping string contents; each closing quote it accepts is a choice point it can revisit when
/// the rest of the text turns out not to parse.
/// </summary>
internal sealed class RepairParser(string text)
{
    // Generous enough for a few levels of backtracking on every string, small enough that a hostile body
    // cannot make the gateway spin.
    private const int BudgetPerChar = 8;
    private const int BudgetFloor = 100_000;

    private readonly StringBuilder _out = new(text.Length + 32);
    private readonly Stack<ChoicePoint> _choices = new();
    private readonly long _budget = (long)text.Length * BudgetPerChar + BudgetFloor;
    private long _work;
    private int _pos;
    private Frame? _top;
    private int _depth;
    private Expect _expect = Expect.Value;
    private bool _inString;
    private bool _stringIsKey;

    public string? Run()
    {
        while (true)
        {
            var step = _inString ? ScanString() : ScanStructure();
            if (step == Step.Done)
            {
                return _out.ToString();
            }

            if (step == Step.Fail && !Backtrack())
            {
                return null;
            }

            if (++_work > _budget)
            {
                return null;
            }
        }
    }

    private Step ScanStructure()
    {
        while (_pos < text.Length && JsonTokens.IsWhitespace(text[_pos]))
        {
            _out.Append(text[_pos++]);
        }

        if (_pos == text.Length)
        {
            return _expect == Expect.End ? Step.Done : Step.Fail;
        }

        var c = text[_pos];
        switch (_expect)
        {
            case Expect.Value:
            case Expect.ValueOrArrayEnd:
                return c == ']' && _expect == Expect.ValueOrArrayEnd ? CloseContainer(isObject: false) : StartValue(c);
            case Expect.Key:
            case Expect.KeyOrObjectEnd:
                if (c == '}' && _expect == Expect.KeyOrObjectEnd)
                {
                    return CloseContainer(isObject: true);
                }

                return c == '"' ? BeginString(isKey: true) : Step.Fail;
            case Expect.Colon:
                return c == ':' ? Emit(c, Expect.Value) : Step.Fail;
            case Expect.CommaOrEnd:
                if (c == ',')
                {
                    return Emit(c, _top!.IsObject ? Expect.Key : Expect.Value);
                }

                return c is '}' or ']' ? CloseContainer(isObject: c == '}') : Step.Fail;
            default:
                return Step.Fail;
        }
    }

    private Step StartValue(char c)
    {
        switch (c)
        {
            case '{' or '[':
                if (_depth == EaJsonRepair.MaxDepth)
                {
                    return Step.Fail;
                }

                _top = new Frame(c == '{', _top);
                _depth++;
                return Emit(c, c == '{' ? Expect.KeyOrObjectEnd : Expect.ValueOrArrayEnd);
            case '"':
                return BeginString(isKey: false);
            default:
                return BareToken();
        }
    }

    private Step BareToken()
    {
        var start = _pos;
        while (_pos < text.Length && !JsonTokens.EndsBareToken(text[_pos]))
        {
            _pos++;
        }

        var token = text.AsSpan(start, _pos - start);
        _work += token.Length;
        if (JsonTokens.IsNumber(token) || JsonTokens.IsLiteral(token))
        {
            _out.Append(token);
        }
        else if (JsonTokens.IsNonFiniteSpelling(token))
        {
            _out.Append("null");
        }
        else
        {
            return Step.Fail;
        }

        AfterValue();
        return Step.Continue;
    }

    private Step CloseContainer(bool isObject)
    {
        if (_top is null || _top.IsObject != isObject)
        {
            return Step.Fail;
        }

        _out.Append(text[_pos++]);
        _top = _top.Parent;
        _depth--;
        AfterValue();
        return Step.Continue;
    }

    private Step BeginString(bool isKey)
    {
        _out.Append('"');
        _pos++;
        _inString = true;
        _stringIsKey = isKey;
        return Step.Continue;
    }

    private Step ScanString()
    {
        while (_pos < text.Length)
        {
            var c = text[_pos];
            _work++;
            if (c == '"' && ClosingQuote.IsPlausible(text, _pos + 1, _stringIsKey, _top, ref _work))
            {
                _choices.Push(new ChoicePoint(_pos, _out.Length, _top, _depth, _stringIsKey));
                _out.Append('"');
                _pos++;
                _inString = false;
                if (_stringIsKey)
                {
                    _expect = Expect.Colon;
                }
                else
                {
                    AfterValue();
                }

                return Step.Continue;
            }

            AppendStringChar(c);
            _pos++;
        }

        return Step.Fail;
    }

    /// <summary>Undoes the most recent closing-quote decision and keeps that quote as a literal.</summary>
    private bool Backtrack()
    {
        if (!_choices.TryPop(out var choice))
        {
            return false;
        }

        _pos = choice.QuotePosition;
        _out.Length = choice.OutputLength;
        _top = choice.Top;
        _depth = choice.Depth;
        _stringIsKey = choice.IsKey;
        _inString = true;
        AppendStringChar('"');
        _pos++;
        return true;
    }

    private void AppendStringChar(char c)
    {
        switch (c)
        {
            case '"': _out.Append("\\\""); break;
            case '\\': _out.Append("\\\\"); break;
            case '\n': _out.Append("\\n"); break;
            case '\r': _out.Append("\\r"); break;
            case '\t': _out.Append("\\t"); break;
            case '\b': _out.Append("\\b"); break;
            case '\f': _out.Append("\\f"); break;
            case < ' ': _out.Append("\\u").Append(((int)c).ToString("x4")); break;
            default: _out.Append(c); break;
        }
    }

    private Step Emit(char c, Expect next)
    {
        _out.Append(c);
        _pos++;
        _expect = next;
        return Step.Continue;
    }

    private void AfterValue() => _expect = _top is null ? Expect.End : Expect.CommaOrEnd;

    private enum Step { Continue, Fail, Done }

    private enum Expect { Value, ValueOrArrayEnd, Key, KeyOrObjectEnd, Colon, CommaOrEnd, End }

    private readonly record struct ChoicePoint(int QuotePosition, int OutputLength, Frame? Top, int Depth, bool IsKey);
}
