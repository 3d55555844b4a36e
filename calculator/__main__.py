"""`python -m calculator` is the same command as `refund-calc`."""

from calculator.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
