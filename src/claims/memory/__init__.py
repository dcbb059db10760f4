"""The verification memory: what a desk verified once is shown when the same fact comes again.

One module a job: :mod:`.keys` (what makes two claims the same fact, declared in
``keys.toml``), :mod:`.store` (the interface and the SQL), :mod:`.sqlite` and
:mod:`.postgres` (the drivers), :mod:`.migrate` (the schema's versions), :mod:`.location`
(where the memory is), :mod:`.record` (closed checklist rows into the memory), :mod:`.recall`
(earlier verifications for an article's claims), :mod:`.claimreview` (schema.org export).
See docs/memory.md.
"""
