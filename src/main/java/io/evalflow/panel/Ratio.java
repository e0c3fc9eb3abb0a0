package io.evalflow.panel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An exact non-negative fraction: counts are compared exactly, so a tie is a tie and
 * never an accident of rounding.
 */
record Ratio(BigInteger numerator, BigInteger denominator) implements Comparable<Ratio> {

	static final Ratio ZERO = new Ratio(BigInteger.ZERO, BigInteger.ONE);

	Ratio {
		if (denominator.signum() <= 0) {
			throw new IllegalArgumentException("denominator must be positive");
		}
		BigInteger gcd = numerator.gcd(denominator);
		if (gcd.signum() > 0 && !gcd.equals(BigInteger.ONE)) {
			numerator = numerator.divide(gcd);
			denominator = denominator.divide(gcd);
		}
	}

	static Ratio of(long numerator, long denominator) {
		return new Ratio(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
	}

	static Ratio of(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		int scale = Math.max(stripped.scale(), 0);
		return new Ratio(stripped.movePointRight(scale).toBigIntegerExact(), BigInteger.TEN.pow(scale));
	}

	Ratio plus(Ratio other) {
		return new Ratio(this.numerator.multiply(other.denominator).add(other.numerator.multiply(this.denominator)),
				this.denominator.multiply(other.denominator));
	}

	Ratio dividedBy(long divisor) {
		return new Ratio(this.numerator, this.denominator.multiply(BigInteger.valueOf(divisor)));
	}

	/** Rounded half-up to four decimals, for showing. */
	BigDecimal toDecimal() {
		return new BigDecimal(this.numerator).divide(new BigDecimal(this.denominator), 4, RoundingMode.HALF_UP);
	}

	@Override
	public int compareTo(Ratio other) {
		return this.numerator.multiply(other.denominator).compareTo(other.numerator.multiply(this.denominator));
	}

}
