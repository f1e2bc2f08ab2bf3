namespace ScalingFit.Laws;

/// <summary>
/// ln(Σ exp tₖ) computed stably, with the softmax weights wₖ = exp(tₖ − LSE) that are its
/// gradient; its Hessian is diag(w) − wwᵀ.
/// </summary>
internal static class LogSumExp
{
    public static double Of2(double t1, double t2, out double w1, out double w2)
    {
        double m = Math.Max(t1, t2);
        double e1 = Math.Exp(t1 - m), e2 = Math.Exp(t2 - m), s = e1 + e2;
        w1 = e1 / s;
        w2 = e2 / s;
        return m + Math.Log(s);
    }

    public static double Of3(double t1, double t2, double t3, out double w1, out double w2, out double w3)
    {
        double m = Math.Max(t1, Math.Max(t2, t3));
        double e1 = Math.Exp(t1 - m), e2 = Math.Exp(t2 - m), e3 = Math.Exp(t3 - m), s = e1 + e2 + e3;
        w1 = e1 / s;
        w2 = e2 / s;
        w3 = e3 / s;
        return m + Math.Log(s);
    }
}
