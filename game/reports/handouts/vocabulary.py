"""Words a class meets in the game, in plain language (written for this pack)."""

from __future__ import annotations

WORDS: tuple[tuple[str, str], ...] = (
    ("judgment debtor", "Someone a court has ordered to pay money, for example a debt or "
     "damages, who has not yet paid it."),
    ("list of dishonest judgment debtors", "China's national register, kept by the courts, "
     "of people who could pay what a court ordered but did not. People on it face "
     "restrictions such as not buying plane or high-speed rail tickets."),
    ("blacklist", "A list of people or companies singled out for restrictions. In China's "
     "system most of the real effects come from blacklists, not from a score."),
    ("redlist", "A list of people or companies singled out for praise or easier treatment."),
    ("joint punishment", "When several agencies agree to restrict the same person because "
     "one agency listed them: a court listing can also close doors at a bank, an airline "
     "or a hotel."),
    ("guarantor", "Someone who signs to pay a loan if the borrower does not. A guarantor can "
     "become a judgment debtor for someone else's debt."),
    ("enforcement", "Making a court's decision actually happen, such as getting a debt paid."),
    ("credit score", "A number a company or agency calculates to predict whether someone will "
     "repay money. In many countries lenders, landlords and employers use one."),
    ("credit bureau", "A private company that collects records of people's borrowing and "
     "repayments, and sells reports and scores to lenders."),
    ("register of judgments", "A public record of court decisions about unpaid debts, such "
     "as England and Wales's register or Germany's Schuldnerverzeichnis."),
    ("pilot city", "A city that tried out its own local scoring scheme before, or instead "
     "of, any national rule."),
    ("commercial score", "A score run by a private company for its own customers, such as "
     "Sesame Credit; it is not a government system."),
    ("fidelity", "In this game: how true a rule is to the real world, from documented to "
     "dramatized."),
    ("documented", "Found in official documents, court records or government data."),
    ("reported", "Described by credible journalists, but not in official documents we cite."),
    ("contested", "Widely reported, but disputed by experts who studied it."),
    ("dramatized", "Invented for the game, to show what could happen."),
    ("opaque", "Hidden from the person it affects: you see the result, not the reason."),
    ("transparent", "Open to inspection: you can see the rule, the data and who decided."),
    ("appeal", "A request to have a decision looked at again, by a person who can change it."),
    ("automated decision", "A decision made by a computer system, with little or no human "
     "judgment in the moment."),
    ("surveillance", "Watching people and recording what they do, by cameras, apps or records."),
    ("social scoring", "Rating people on their social behaviour in ways that lead to better "
     "or worse treatment; the EU's AI Act (2024) bans it."),
)
