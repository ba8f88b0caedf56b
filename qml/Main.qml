import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Poruch.Backend

// The navigation shell: top bar, a stack of pages, nothing personal in the window title.
ApplicationWindow {
    id: window

    // Pages the self-test and the screenshot tool visit, in order.
    readonly property var pageNames: ["home", "sync", "about"]
    readonly property var pageFiles: ({
            "home": "pages/HomePage.qml",
            "sync": "pages/SyncPage.qml",
            "about": "pages/AboutPage.qml"
        })

    function openPage(name) {
        if (!(name in pageFiles))
            return
        if (name === "home") {
            stack.pop(null, StackView.Immediate)
            return
        }
        stack.pop(null, StackView.Immediate)
        stack.push(pageFiles[name], {}, StackView.Immediate)
    }

    width: 1280
    height: 800
    visible: true
    title: "Poruch"

    Material.theme: Material.Light
    Material.background: "#f3f5f8"
    Material.primary: "#1f4e79"
    Material.accent: "#f2a900"

    header: TopBar {
        title: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : qsTr("Poruch")
        canGoBack: stack.depth > 1
        onBackRequested: stack.pop()
        onSyncRequested: window.openPage("sync")
        onAboutRequested: window.openPage("about")
    }

    StackView {
        id: stack
        anchors.fill: parent
        initialItem: "pages/HomePage.qml"
    }
}
