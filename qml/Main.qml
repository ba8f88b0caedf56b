import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Poruch.Backend
import "pages"

// The navigation shell: the unlock screen while locked, else the top bar and a stack of pages.
// Nothing personal in the window title. Locking drops every open page, so no personal data stays on
// screen or in QML objects behind the lock.
ApplicationWindow {
    id: window

    // Pages the self-test and the screenshot tool visit, in order.
    readonly property var pageNames: ["unlock", "home", "case", "form", "crisis", "conflicts", "sync", "about"]
    readonly property bool unlocked: AppSession.state === AppSession.Unlocked

    function openPage(name) {
        if (pageNames.indexOf(name) < 0)
            return
        if (name === "unlock") {
            AppSession.lock()
            return
        }
        if (!unlocked)
            AppSession.unlockDemo()
        stack.pop(null, StackView.Immediate)
        switch (name) {
        case "case":
            stack.push("pages/CasePage.qml", { caseId: AppSession.demoCaseId }, StackView.Immediate)
            break
        case "form":
            stack.push("pages/FormPage.qml", { recordId: AppSession.demoRecordId }, StackView.Immediate)
            break
        case "crisis":
            stack.push("pages/CrisisPage.qml", { caseId: AppSession.demoCaseId }, StackView.Immediate)
            break
        case "conflicts":
            stack.push("pages/ConflictsPage.qml", {}, StackView.Immediate)
            break
        case "sync":
            stack.push("pages/SyncPage.qml", {}, StackView.Immediate)
            break
        case "about":
            stack.push("pages/AboutPage.qml", {}, StackView.Immediate)
            break
        }
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
        visible: window.unlocked
        title: stack.currentItem && stack.currentItem.title ? stack.currentItem.title : qsTr("Poruch")
        canGoBack: stack.depth > 1
        onBackRequested: stack.pop()
        onSyncRequested: window.openPage("sync")
        onConflictsRequested: window.openPage("conflicts")
        onAboutRequested: window.openPage("about")
        onLockRequested: AppSession.lock()
    }

    Connections {
        target: AppSession
        function onAboutToLock() { stack.pop(null, StackView.Immediate) }
    }

    StackView {
        id: stack
        objectName: "stack"
        anchors.fill: parent
        visible: window.unlocked
        initialItem: HomePage {}
    }

    Loader {
        anchors.fill: parent
        active: !window.unlocked
        sourceComponent: UnlockPage {}
    }
}
