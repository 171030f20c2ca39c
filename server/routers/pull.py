"""Pull: the office's change feed since a cursor, and versioned master data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from app.sync import protocol as p
from server import feed, master
from server.auth import StationContext, database, station_context
from server.models import Office

router = APIRouter(prefix=p.API_PREFIX, tags=["sync"])
Station = Annotated[StationContext, Depends(station_context)]


@router.get("/changes", response_model=p.ChangesResponse)
async def changes(
    request: Request,
    station: Station,
    cursor: Annotated[int, Query(ge=0, le=p.MAX_INT64)] = 0,
    limit: Annotated[int, Query(ge=1, le=p.MAX_PULL_LIMIT)] = p.DEFAULT_PULL_LIMIT,
    kinds: Annotated[
        str | None,
        Query(
            max_length=p.MAX_KINDS_LENGTH,
            description="The kinds of change the station applies, comma-separated "
            f"(of {', '.join(p.CHANGE_KINDS)}); names the server does not know are "
            "ignored. Without it, only the kinds protocol version 1 began with are sent "
            f"({', '.join(p.V1_CHANGE_KINDS)}).",
            examples=[",".join(p.CHANGE_KINDS)],
        ),
    ] = None,
) -> p.ChangesResponse:
    """Changes for the station's office after ``cursor``, oldest first, of the kinds asked for.

    Pass ``next_cursor`` back to get the next page; ``has_more`` says whether
    to ask again at once. The cursor counts only the kinds sent: a station
    that later asks for another kind from cursor 0 gets every change of it.
    """
    # Filtered in the query, not after it: a page is ``limit`` changes of the
    # kinds asked for, and ``next_cursor`` never passes one the station was not sent.
    wanted = p.V1_CHANGE_KINDS if kinds is None else p.parse_kinds(kinds)
    # Async, so a pull waiting for changes held back holds no thread meanwhile.
    found = await feed.read_settled(database(request), station.office_id, cursor, wanted, limit)
    page = found.rows
    return p.ChangesResponse(
        changes=[
            p.Change(
                seq=row.seq,
                kind=row.kind,  # type: ignore[arg-type]
                dossier_uuid=row.dossier_uuid,
                code=row.code,
                payload=row.payload,
            )
            for row in page
        ],
        next_cursor=page[-1].seq if page else cursor,
        has_more=found.has_more,
    )


@router.get(
    "/master",
    response_model=p.MasterResponse,
    responses={304: {"description": "Nothing changed since the ETag sent in If-None-Match"}},
)
def master_data(
    request: Request,
    response: Response,
    station: Station,
    catalogue_version: Annotated[str | None, Query(max_length=80)] = None,
    calendar_version: Annotated[int | None, Query(ge=0)] = None,
    officers_version: Annotated[int | None, Query(ge=0)] = None,
) -> p.MasterResponse | Response:
    """The parts of master data whose version differs from the one given.

    A part whose version matches comes back as ``null``. The ``ETag`` names
    all three versions; sending it back in ``If-None-Match`` gets a bodiless
    304 when nothing changed.
    """
    with database(request).read() as session:
        office = session.get(Office, station.office_id)
        assert office is not None
        current = master.versions(session, office)
        etag = f'"{current[0]}|{current[1]}|{current[2]}"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        response.headers["ETag"] = etag
        return p.MasterResponse(
            catalogue=master.catalogue(session, office)
            if catalogue_version != current[0]
            else None,
            calendar=master.calendar(session, office) if calendar_version != current[1] else None,
            officers=master.officers(session, office) if officers_version != current[2] else None,
        )
