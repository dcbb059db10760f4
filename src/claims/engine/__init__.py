"""Matching rules against an article and normalizing what they find.

(Named ``engine``, not ``extract``, so that ``claims.extract`` stays the library function.)
"""
