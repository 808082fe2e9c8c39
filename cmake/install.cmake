# install.cmake: Frise as an installable, relocatable program.
#
# The binary finds its data at run time (src/app/paths.h), never through a path
# compiled in from the source tree: $FRISE_DATA_DIR, else
# <bin>/../share/frise (installed), else <bin>/share/frise (this build tree).
# So this file does three things:
#   1. the build tree gets ${CMAKE_BINARY_DIR}/share/frise, a copy of the data,
#      refreshed at every build, so that build/frise runs like an installed one;
#   2. `cmake --install` (GNUInstallDirs) puts the binary, the data, the docs,
#      the desktop entry, the icon and the AppStream metadata in place;
#   3. `cpack` (run in the build folder) makes a .deb of the same files.
include(GNUInstallDirs)

set(FRISE_APP_ID io.github.frise.Frise)
set(FRISE_FONTS_SRC ${CMAKE_SOURCE_DIR}/assets/fonts)
file(GLOB FRISE_FONT_FILES CONFIGURE_DEPENDS ${FRISE_FONTS_SRC}/*.ttf)
list(APPEND FRISE_FONT_FILES ${FRISE_FONTS_SRC}/OFL.txt)
set(FRISE_DATA_FILES ${CMAKE_SOURCE_DIR}/data/timeline.json ${CMAKE_SOURCE_DIR}/data/timeline.schema.json)
# The shipped timeline's pictures, beside it (its image paths are "images/...").
file(GLOB FRISE_IMAGE_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/images/*.png)

# The installed data folder relative to the installed binary's, for paths.c
# (and for test_paths, which builds the same layout): "../share/frise" unless
# the GNUInstallDirs folders were changed.
file(RELATIVE_PATH FRISE_DATA_FROM_BINDIR
  ${CMAKE_INSTALL_FULL_BINDIR} ${CMAKE_INSTALL_FULL_DATADIR}/frise)
target_compile_definitions(frise_app PUBLIC FRISE_DATA_FROM_BINDIR="${FRISE_DATA_FROM_BINDIR}")

# ---- 1. the build tree's data, next to build/frise --------------------------------
set(FRISE_BUILD_DATA ${CMAKE_BINARY_DIR}/share/frise)
set(FRISE_BUILD_DATA_FILES)
foreach(src ${FRISE_FONT_FILES} ${FRISE_DATA_FILES} ${FRISE_IMAGE_FILES})
  get_filename_component(name ${src} NAME)
  if(src IN_LIST FRISE_FONT_FILES)
    set(dst ${FRISE_BUILD_DATA}/fonts/${name})
  elseif(src IN_LIST FRISE_IMAGE_FILES)
    set(dst ${FRISE_BUILD_DATA}/images/${name})
  else()
    set(dst ${FRISE_BUILD_DATA}/${name})
  endif()
  add_custom_command(OUTPUT ${dst}
    COMMAND ${CMAKE_COMMAND} -E copy ${src} ${dst}
    DEPENDS ${src}
    COMMENT "" VERBATIM)
  list(APPEND FRISE_BUILD_DATA_FILES ${dst})
endforeach()
add_custom_target(frise_data ALL DEPENDS ${FRISE_BUILD_DATA_FILES})
add_dependencies(frise frise_data)

# ---- 2. cmake --install ----------------------------------------------------------
install(TARGETS frise RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${FRISE_FONT_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/frise/fonts)
install(FILES ${FRISE_DATA_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/frise)
install(FILES ${FRISE_IMAGE_FILES} DESTINATION ${CMAKE_INSTALL_DATADIR}/frise/images)
file(GLOB FRISE_DOCS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES ${FRISE_DOCS} DESTINATION ${CMAKE_INSTALL_DOCDIR})
set(FRISE_PACKAGING ${CMAKE_SOURCE_DIR}/packaging)
install(FILES ${FRISE_PACKAGING}/${FRISE_APP_ID}.desktop
  DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${FRISE_PACKAGING}/${FRISE_APP_ID}.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${FRISE_PACKAGING}/${FRISE_APP_ID}.metainfo.xml
  DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

# ---- 3. cpack: a .deb ----------------------------------------------------------------
# Build it from a Release build, not the sanitizer one:
#   cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release
#   cmake --build build/release && (cd build/release && cpack)
# The dependencies are named, not found by dpkg-shlibdeps, so that the list
# stays the same whichever build (and whichever sanitizer runtime) packs it.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME frise)
set(CPACK_PACKAGE_VENDOR "Frise")
set(CPACK_PACKAGE_CONTACT "Frise Dev <dev@frise.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "timeline viewer for history, with zoomable event cards")
set(CPACK_PACKAGE_DESCRIPTION "Frise opens a JSON timeline and draws a zoomable, scrollable timeline
with event cards, from decades down to a single day, in French, English,
Russian and Khmer; it also opens TimelineJS files and spreadsheets.
It has an explorer for students, a presentation mode for teachers and a
locked-down kiosk mode for museums. It ships a timeline of
Soviet/Russian-Cambodian relations from 1956 to today.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY frise)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
# The libraries' package names carry their ABI versions (libicu72, libcsv3,
# libqrencode4 on Debian 12): dpkg-shlibdeps reads them from the binary.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "libsdl2-2.0-0, libsdl2-ttf-2.0-0, libsdl2-image-2.0-0, libcjson1, libutf8proc2")
include(CPack)
