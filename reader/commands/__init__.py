"""One module per `reader` subcommand; see `reader.cli` for the contract."""
