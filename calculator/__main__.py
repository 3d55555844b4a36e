"""`python -m calculator` is the same command as `refund-calc`."""

from calculator.cli import main

raise SystemExit(main())
